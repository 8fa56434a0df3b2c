import { createContext, useContext, type Child } from 'hono/jsx'
import { NO_BRAND, type PageBrand } from '../../domain/brand'

/**
 * The page's brand for the views of a public page, like the reader: wrap the page in
 * `<WithBrand brand={…}>` and call `useBrand()` in a view. Without it a page shows Candor's
 * own look.
 */
const BrandContext = createContext<PageBrand>(NO_BRAND)

export function useBrand(): PageBrand {
  return useContext(BrandContext)
}

/** Renders `children` with the page's brand (none when absent, as in older snapshots). */
export function WithBrand(props: { brand: PageBrand | undefined; children?: Child }) {
  return (
    <BrandContext.Provider value={props.brand ?? NO_BRAND}>{props.children}</BrandContext.Provider>
  )
}
