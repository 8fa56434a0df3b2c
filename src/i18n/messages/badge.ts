import { defineMessages } from '../define-messages'

/** The status badge's words: the state on its coloured side, and the label a lost badge gets. */
export const badge = defineMessages({
  en: {
    'badge.name': '{label}: {message}',
    'badge.state':
      '{state, select, degraded {degraded} minor_outage {minor outage} partial_outage {partial outage} major_outage {major outage} critical_outage {critical outage} maintenance {maintenance} unknown_component {unknown component} other {operational}}',
    'badge.label': 'status',
  },
  de: {
    'badge.name': '{label}: {message}',
    'badge.state':
      '{state, select, degraded {beeinträchtigt} minor_outage {kleine Störung} partial_outage {Teilausfall} major_outage {schwerer Ausfall} critical_outage {kritischer Ausfall} maintenance {Wartung} unknown_component {unbekannte Komponente} other {betriebsbereit}}',
    'badge.label': 'Status',
  },
  fr: {
    'badge.name': '{label} : {message}',
    'badge.state':
      '{state, select, degraded {dégradé} minor_outage {panne mineure} partial_outage {panne partielle} major_outage {panne majeure} critical_outage {panne critique} maintenance {maintenance} unknown_component {composant inconnu} other {opérationnel}}',
    'badge.label': 'état',
  },
  es: {
    'badge.name': '{label}: {message}',
    'badge.state':
      '{state, select, degraded {degradado} minor_outage {interrupción menor} partial_outage {interrupción parcial} major_outage {interrupción grave} critical_outage {interrupción crítica} maintenance {mantenimiento} unknown_component {componente desconocido} other {operativo}}',
    'badge.label': 'estado',
  },
  ar: {
    'badge.name': '{label}: {message}',
    'badge.state':
      '{state, select, degraded {أداء متراجع} minor_outage {انقطاع طفيف} partial_outage {انقطاع جزئي} major_outage {انقطاع كبير} critical_outage {انقطاع حرج} maintenance {صيانة} unknown_component {مكوّن غير معروف} other {يعمل}}',
    'badge.label': 'الحالة',
  },
})
