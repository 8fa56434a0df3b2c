import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { CandorError } from '../../src/domain/errors'
import { subscribe } from '../../src/domain/subscriptions'
import { checkChoices, checkEmail } from '../../src/domain/subscription-input'
import { checkWebhookUrl } from '../../src/domain/webhook-endpoint'
import { readerFor } from '../../src/i18n/reader'
import { refusalKey } from '../../src/routes/subscription-form'
import { call, makeArea, makeComponent } from './factories'
import { confirmedSubscriber, linkPathInHtml, postForm, uniqueEmail } from './subscriptions-helpers'

/** The subscription pages in the reader's language; what ops named stays as written. */

const SAME_ORIGIN = { origin: 'http://candor.test' }

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await call('GET', path, { token: null, headers })
  const html = await res.text()
  const m = /<html lang="([a-z]+)" dir="(ltr|rtl)"/.exec(html)
  return { res, html, lang: m?.[1], dir: m?.[2] }
}

function expectAll(html: string, present: string[], absent: string[]) {
  for (const text of present) expect(html, `has “${text}”`).toContain(text)
  for (const text of absent) expect(html, `has no “${text}”`).not.toContain(text)
}

/** English the pages say, which a German or Arabic page must not. */
const ENGLISH_FORM = [
  'Subscribe to updates',
  'By email',
  'Email address',
  'Tick what concerns you',
  'By webhook',
  'Add webhook',
  'including components added later',
]

describe('/subscribe in the reader’s language', () => {
  it('speaks German by Accept-Language and Arabic by ?lang=, keeping names as written, Vary set', async () => {
    await makeComponent({ name: 'Nordmast', group_name: 'Masten <Süd>' })
    await makeArea('Bezirk M16')

    const de = await page('/subscribe', { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' })
    expect([de.res.status, de.lang, de.dir]).toEqual([200, 'de', 'ltr'])
    expectAll(
      de.html,
      [
        'Updates abonnieren',
        'Per E-Mail',
        'E-Mail-Adresse',
        'Kreuzen Sie an, was Sie betrifft',
        'Webhook hinzufügen',
        'Alles in Masten &lt;Süd&gt;, auch später hinzugefügte Komponenten',
        'Nordmast</label>',
        'Bezirk M16',
      ],
      ENGLISH_FORM,
    )
    expect(de.res.headers.get('vary')).toMatch(/Accept-Language, Cookie/)
    expect(de.res.headers.get('cache-control')).toContain('public')
    // Asked for without ?lang=, the forms post to the plain path.
    expect(de.html).toContain('action="/subscribe"')

    const ar = await page('/subscribe?lang=ar', { 'accept-language': 'de' })
    expect([ar.lang, ar.dir]).toEqual(['ar', 'rtl'])
    expectAll(
      ar.html,
      ['الاشتراك في التحديثات', 'عبر البريد الإلكتروني', 'Bezirk M16'],
      [...ENGLISH_FORM, 'Updates abonnieren'],
    )
    // The language asked for in the URL goes with the forms, so their answer speaks it too.
    expect(ar.html).toContain('action="/subscribe?lang=ar"')
    expect(ar.html).toContain('action="/subscribe/webhook?lang=ar"')
  })

  it('a refused form says why in German, keeps what was typed, and is not cached', async () => {
    const area = await makeArea('Innenstadt')
    const res = await postForm(
      '/subscribe',
      [
        ['email', 'niemand-at-beispiel'],
        ['areas', area.id],
      ],
      { 'accept-language': 'de' },
    )
    expect(res.status).toBe(400)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expectAll(
      html,
      [
        'Nicht gesendet:',
        'Geben Sie eine E-Mail-Adresse wie name@example.com an.',
        'value="niemand-at-beispiel"',
      ],
      ['Not sent:', 'Give an email address', ...ENGLISH_FORM],
    )
    expect(html).toMatch(new RegExp(`value="${area.id}" checked`))
  })

  it('a refused webhook says why in Arabic (?lang= on the form’s action), keeping the URL', async () => {
    const res = await postForm(
      '/subscribe/webhook?lang=ar',
      { url: 'https://user:pw@hooks.example.net/x', email: uniqueEmail() },
      { 'accept-language': 'en' },
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expectAll(
      html,
      [
        'dir="rtl"',
        'يجب ألا يحتوي عنوان خطاف الويب على اسم مستخدم أو كلمة مرور.',
        'value="https://user:pw@hooks.example.net/x"',
      ],
      ['user name or password', 'Not sent:'],
    )
  })

  it('“check your inbox” is in the reader’s language', async () => {
    const res = await postForm(
      '/subscribe',
      { email: uniqueEmail() },
      {
        ...SAME_ORIGIN,
        'accept-language': 'fr-CH, de;q=0.5',
      },
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expectAll(
      html,
      ['Consultez votre boîte de réception', 'Le lien est valable 48 heures.'],
      ['Check your inbox', 'The link works for 48 hours'],
    )
  })
})

describe('the pages behind the emails’ links in the reader’s language', () => {
  it('confirm, manage and unsubscribe speak German, then Arabic; never cached', async () => {
    const fibre = await makeComponent({ name: 'Glasfaser Nord' })
    const email = uniqueEmail()
    const { managePath } = await confirmedSubscriber({ email, component_ids: [fibre.id] })

    const de = await page(managePath, { 'accept-language': 'de' })
    expect(de.res.status).toBe(200)
    expect(de.res.headers.get('cache-control')).toBe('no-store')
    expectAll(
      de.html,
      ['Ihr Abonnement', 'Worüber Sie informiert werden', 'Auswahl speichern', 'Glasfaser Nord'],
      ['Your subscription', 'What you hear about', 'Save choices', 'updates go to'],
    )
    expect(de.html).toContain(`an <strong>${email}</strong>`)

    const ar = await page(`${managePath}?lang=ar`, { 'accept-language': 'de' })
    expect(ar.dir).toBe('rtl')
    expectAll(
      ar.html,
      ['اشتراكك', 'حفظ الاختيارات', `إلى <strong>${email}</strong>`],
      ['Ihr Abonnement', 'Your subscription'],
    )

    // Saving in German: the redirect keeps ?lang=, the saved notice is German.
    const saved = await postForm(
      `${managePath}?lang=de`,
      [
        ['action', 'save'],
        ['components', fibre.id],
      ],
      SAME_ORIGIN,
    )
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${managePath}?saved=1&lang=de`)
    const after = await page(saved.headers.get('location')!)
    expectAll(after.html, ['Gespeichert. Ihre Auswahl steht unten.'], ['Saved.'])

    // A choice that no longer exists: refused in German, nothing saved.
    const stale = await postForm(
      `${managePath}?lang=de`,
      [
        ['action', 'save'],
        ['components', 'deleted-component'],
      ],
      SAME_ORIGIN,
    )
    expect(stale.status).toBe(400)
    expectAll(
      await stale.text(),
      [
        'Nicht gespeichert:',
        'Einige der gewählten Komponenten oder Bereiche gibt es nicht (mehr).',
      ],
      ['Not saved:', 'do not exist'],
    )

    const left = await postForm(managePath, [['action', 'leave']], {
      ...SAME_ORIGIN,
      'accept-language': 'es',
    })
    expectAll(
      await left.text(),
      ['Se ha dado de baja', 'Volver a suscribirse'],
      ['You are unsubscribed'],
    )
    const gone = await page(managePath, { 'accept-language': 'de' })
    expectAll(gone.html, ['Nicht abonniert', 'Erneut abonnieren'], ['Not subscribed'])
  })

  it('the confirm page and a link that does not work, in German and Arabic', async () => {
    const email = uniqueEmail()
    const [request] = await subscribe(
      { db: env.DB, now: new Date(), baseUrl: 'http://candor.test', allowHttpWebhooks: false },
      { email },
    )
    const confirmPath = new URL(request!.confirmUrl).pathname
    const confirm = await page(confirmPath, { 'accept-language': 'de' })
    expect(confirm.res.headers.get('cache-control')).toBe('no-store')
    expectAll(
      confirm.html,
      ['Bestätigen Sie Ihr Abonnement', 'Abonnement bestätigen', 'Alles: jede Komponente'],
      ['Confirm your subscription', 'You will hear about', 'Everything:'],
    )
    const confirmed = await postForm(confirmPath, {}, { ...SAME_ORIGIN, 'accept-language': 'ar' })
    const html = await confirmed.text()
    expectAll(html, ['أنت مشترك الآن', 'إدارة هذا الاشتراك'], ['You are subscribed'])
    const unsubscribe = linkPathInHtml(html, 'manage').replace('/manage/', '/unsubscribe/')
    const unknown = await page(unsubscribe, { 'accept-language': 'de' })
    expect(unknown.res.status).toBe(404)
    expectAll(
      unknown.html,
      ['Dieser Link ist ungültig', 'Statusseite'],
      ['This link is not valid', 'Nothing was changed'],
    )
    const foreign = await postForm(
      confirmPath,
      {},
      { origin: 'https://elsewhere.example', 'accept-language': 'ar' },
    )
    expect(foreign.status).toBe(403)
    expectAll(await foreign.text(), ['جاء هذا النموذج من موقع آخر'], ['came from another site'])
  })
})

describe('the domain’s refusals, as the pages word them', () => {
  /** The sentence the domain throws for `check`. */
  function refusal(check: () => unknown): string {
    try {
      check()
    } catch (error) {
      expect(error).toBeInstanceOf(CandorError)
      return (error as CandorError).message
    }
    throw new Error('not refused')
  }

  it('every refusal of subscription input has its catalog message, worded in each language', () => {
    const refusals = [
      refusal(() => checkEmail('nobody')),
      refusal(() => checkWebhookUrl('not a url', false)),
      refusal(() => checkWebhookUrl('ftp://hooks.example.net/x', true)),
      refusal(() => checkWebhookUrl('http://hooks.example.net/x', false)),
      refusal(() => checkWebhookUrl('https://user:pw@hooks.example.net/x', false)),
      refusal(() => checkWebhookUrl(`https://hooks.example.net/${'x'.repeat(2100)}`, false)),
      refusal(() => checkWebhookUrl('https://10.0.0.7/x', false)),
      refusal(() => checkChoices({ components: [], areas: [] }, { componentIds: ['gone'] })),
    ]
    const english = readerFor('en', 'Etc/UTC')
    const german = readerFor('de', 'Etc/UTC')
    const keys = refusals.map((message) => refusalKey(message))
    expect(keys.every((k) => k !== null)).toBe(true)
    expect(new Set(keys).size).toBe(refusals.length)
    for (const key of keys) expect(german.t(key!)).not.toBe(english.t(key!))
    // English says what the domain says (the detail of a local address aside).
    expect(refusals.slice(0, 6)).toEqual(keys.slice(0, 6).map((k) => english.t(k!)))
  })
})
