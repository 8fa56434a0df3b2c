/**
 * The page's name on a bar of its accent colour, atop a subscriber email (a table row of the
 * message column). The accent has at least 4.5:1 against white (checked when it is set), so
 * white text on it reads; anything but `#rrggbb` shows no bar.
 */
export function EmailBrandBar(props: { pageName: string; accent: string | undefined }) {
  if (!props.accent || !/^#[0-9a-f]{6}$/i.test(props.accent)) return null
  return (
    <tr>
      <td
        style={`background:${props.accent};color:#ffffff;padding:12px 20px;font-size:16px;font-weight:700;border-radius:8px 8px 0 0`}
      >
        {props.pageName}
      </td>
    </tr>
  )
}
