import ReportSiteViews

/// Every page but the print version and the XML files: head, site header, breadcrumbs, the page's
/// `main`, its scripts, and the footer.
func layout(_ chrome: ChromeView, main: HTML, scripts: HTML = HTML()) -> HTML {
    """
    <!DOCTYPE html>
    <html lang="\(chrome.text.htmlLanguage)">
    <head>
    <meta charset="utf-8">
    \(if: !chrome.basePath.isEmpty, "<base href=\"\(chrome.basePath)\">")
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(title(chrome))</title>
    <meta name="description" content="\(chrome.description)">
    <link rel="canonical" href="\(chrome.canonical)">
    \(each: chrome.languages, alternate)<link rel="alternate" type="application/atom+xml" title="\(attribute: chrome.text[.layoutFeedLinkTitle, ("site", chrome.siteTitle)])" href="\(chrome.root)feed.xml">
    <meta property="og:type" content="website">
    <meta property="og:site_name" content="\(chrome.siteTitle)">
    <meta property="og:title" content="\(chrome.pageTitle)">
    <meta property="og:description" content="\(chrome.description)">
    <meta property="og:url" content="\(chrome.canonical)">
    \(siteIcon(chrome))
    <link rel="stylesheet" href="\(chrome.assets.stylesheet)">
    \(liveReload(chrome))
    </head>
    <body>
    <a class="skip-link" href="#main">\(chrome.text[.layoutSkipLink])</a>
    \(siteHeader(chrome))
    \(breadcrumbs(chrome))<main id="main" class="wrap" tabindex="-1">
    \(main)
    </main>
    \(scripts)
    <footer class="site-footer">
      <div class="wrap">
    \(footerLinks(chrome))    <p>\(licence(chrome))</p>
        <p>\(chrome.text[.layoutFooterLegend])</p>
      </div>
    </footer>
    </body>
    </html>

    """
}

/// The page's title, then the site's on every page but the home page, whose title is the site's.
private func title(_ chrome: ChromeView) -> HTML {
    guard !chrome.breadcrumbs.isEmpty else { return "\(chrome.pageTitle)" }
    return "\(plain: chrome.text[.layoutPageTitle, ("page", chrome.pageTitle), ("site", chrome.siteTitle)])"
}

/// The icon link, shared with the print version.
func siteIcon(_ chrome: ChromeView) -> HTML {
    "<link rel=\"icon\" href=\"\(chrome.assets.favicon)\" type=\"image/svg+xml\">"
}

/// The preview server's live-reload script, in preview builds only; shared with the print version.
func liveReload(_ chrome: ChromeView) -> HTML {
    "\(if: chrome.liveReload, "<script src=\"/__livereload.js\" defer></script>")"
}

/// The site's name and navigation at the top of every page.
func siteHeader(_ chrome: ChromeView) -> HTML {
    """
    <header class="site-header">
      <div class="wrap">
        <a class="site-title" href="\(chrome.root)index.html">\(siteName(chrome))</a>
    \(each: chrome.languages.filter { !$0.isCurrent }, languageToggle)    <nav aria-label="\(attribute: chrome.text[.layoutSiteNavigationLabel])">
          <ul class="site-nav">
    \(each: chrome.navigation, navigationItem)      </ul>
        </nav>
      </div>
    </header>
    """
}

/// The page in one of the site's languages, for search engines (`hreflang`), itself among them.
private func alternate(_ language: LanguageLinkView) -> HTML {
    "<link rel=\"alternate\" hreflang=\"\(language.htmlLanguage)\" href=\"\(language.absolute)\">\n"
}

/// The link to the same page in another of the site's languages, named in that language.
private func languageToggle(_ language: LanguageLinkView) -> HTML {
    "    <a class=\"language-toggle\" href=\"\(language.href)\" lang=\"\(language.htmlLanguage)\" hreflang=\"\(language.htmlLanguage)\">\(language.name)</a>\n"
}

/// A link of the navigation or the footer (set in `site.yml`), marked when it is the page's own.
private func navigationItem(_ link: NavigationLinkView) -> HTML {
    "        <li><a href=\"\(link.href)\"\(if: link.isCurrent, " aria-current=\"page\"")>\(link.title)</a></li>\n"
}

/// The footer's links, when `site.yml` gives any.
private func footerLinks(_ chrome: ChromeView) -> HTML {
    guard !chrome.footerLinks.isEmpty else { return HTML() }
    return """
        <nav aria-label="\(attribute: chrome.text[.layoutFooterNavigationLabel])">
          <ul class="footer-nav">
    \(each: chrome.footerLinks, navigationItem)      </ul>
        </nav>

    """
}

/// The site's name as the header shows it. The print version's cover shows it too, so that a logo
/// or a new name given here reaches print and PDF.
func siteName(_ chrome: ChromeView) -> HTML {
    "\(chrome.siteTitle)"
}

/// The trail from Home to the page; none on the home page.
func breadcrumbs(_ chrome: ChromeView) -> HTML {
    guard !chrome.breadcrumbs.isEmpty else { return HTML() }
    return """
    <nav class="breadcrumbs wrap" aria-label="\(attribute: chrome.text[.layoutBreadcrumbLabel])">
      <ol>
    \(each: chrome.breadcrumbs, crumb)  </ol>
    </nav>

    """
}

private func crumb(_ crumb: ChromeView.Crumb) -> HTML {
    crumb.isCurrent
        ? "    <li><span aria-current=\"page\">\(crumb.title)</span></li>\n"
        : "    <li><a href=\"\(crumb.href)\">\(crumb.title)</a></li>\n"
}

/// A licence, linked when it has an address.
func licence(_ chrome: ChromeView) -> HTML {
    chrome.licenceURL.isEmpty ? "\(chrome.licence)" : "<a href=\"\(chrome.licenceURL)\">\(chrome.licence)</a>"
}
