import ReportSiteViews

/// The print version's styles, inline so that the file stands alone (and prints to PDF alone). Every
/// colour and the badges' spacing are the site's design tokens (`var(--…)`), inlined before these from
/// the `:root` block of site.css, so that a colour changed there changes print and PDF too.
enum PrintStyle {
    static func css(_ text: InterfaceText) -> HTML {
        #"""
        /* The printable report: A4, one self-contained file. Ratings print in colour and always as words. */
        @page {
          size: A4;
          margin: 22mm 18mm 20mm;
          @top-center { font: 9pt "DejaVu Sans", Arial, sans-serif; color: var(--muted); }
          @bottom-center { content: \#(StyleText.content(text[.printPageOf])); font: 9pt "DejaVu Sans", Arial, sans-serif; color: var(--muted); }
        }
        @page :first { @top-center { content: none; } }
        * { box-sizing: border-box; }
        html { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; color: var(--ink); background: var(--paper); }
        body { margin: 0; }
        main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
        @media print { main { max-width: none; padding: 0; } }
        a { color: var(--link); }
        h1 { font-size: 22pt; line-height: 1.2; margin: 0.5rem 0 1rem; }
        h2 { font-size: 15pt; margin: 1.6rem 0 0.6rem; }
        h3 { font-size: 12.5pt; margin: 1.2rem 0 0.4rem; }
        h4 { font-size: 11pt; margin: 1rem 0 0.3rem; }
        h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
        p, li { orphans: 3; widows: 3; }
        .cover { break-after: page; page-break-after: always; }
        .cover-kicker { color: var(--muted); margin: 0; }
        .meta { display: flex; flex-wrap: wrap; gap: 0.4rem 2rem; margin: 1rem 0; }
        .meta dt { font-size: 9pt; color: var(--muted); }
        .meta dd { margin: 0; font-weight: 700; }
        .lead { font-size: 11pt; }
        .ratings-box { border: 2px solid var(--accent); padding: 0 1rem 1rem; margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
        .headline { display: flex; gap: 1rem 3rem; margin: 0 0 0.8rem; }
        .headline dt { color: var(--muted); }
        .headline dd { margin: 0; font-size: 16pt; font-weight: 700; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        caption { text-align: left; font-weight: 700; padding: 0.3rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--line); }
        thead th { background: var(--surface); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .standards-table th[scope="row"] { width: 60%; }
        .std-number { color: var(--muted); font-weight: 400; }
        .rating { display: inline-block; padding: var(--badge-padding); border: 1px solid currentColor; border-radius: var(--badge-radius); font-weight: 700; font-size: 9.5pt;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; break-inside: avoid; }
        .rating-outstanding { background: var(--outstanding-bg); color: var(--outstanding-ink); border-color: var(--outstanding-fill); }
        .rating-good { background: var(--good-bg); color: var(--good-ink); border-color: var(--good-fill); }
        .rating-requires-improvement { background: var(--ri-bg); color: var(--ri-ink); border-color: var(--ri-fill); }
        .rating-inadequate { background: var(--inadequate-bg); color: var(--inadequate-ink); border-color: var(--inadequate-fill); }
        .rating-none { background: var(--none-bg); color: var(--none-ink); border-color: var(--none-fill); font-weight: 400; font-style: italic; border-style: dashed; }
        /* On paper "not published" is in words: the site's dash and its legend line are for the screen. */
        .rating-none .dash, .dash-legend { display: none; }
        .kq-lowest th, .kq-lowest td { background: var(--lowest-bg); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .lowest-tag { font-size: 8pt; font-weight: 700; text-transform: uppercase; border: 1px solid var(--ink); padding: 0 0.25rem; }
        /* Spaced so that each entry is a 24 px target on screen (WCAG 2.2 target size). */
        .report-body table { font-size: 9.5pt; }
        .footnotes { font-size: 9pt; border-top: 1px solid var(--line); margin-top: 1.5rem; }
        .sources { font-size: 8.5pt; color: var(--muted); overflow-wrap: anywhere; }
        .draft-banner { border: 2px solid var(--ink); padding: 0.3rem 0.6rem; background: var(--focus); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .print-footer { font-size: 8.5pt; color: var(--muted); border-top: 1px solid var(--line); margin-top: 2rem; }
        .cover-address { font-size: 9pt; overflow-wrap: anywhere; }
        /* A link to another page of the site: nothing to follow on paper. */
        .method-link { display: none; }
        /* A footnote's way back to its reference cannot be followed on paper. */
        .footnotes .footnote-backref, .footnotes a[href^="#fnref"] { display: none; }
        /* On paper a link cannot be followed: print where it goes. */
        @media print {
          a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8.5pt; color: var(--muted); overflow-wrap: anywhere; }
          .print-footer a::after, .cover-address a::after { content: none; }
        }

        """#
    }

    /// For a draft: "Draft – not published" at the foot of every page, the cover's included.
    static func draftOnEveryPage(_ text: InterfaceText) -> HTML {
        #"""
        @page { @bottom-left { content: "\#(StyleText(StyleText.escapedString(text[.printDraftOnEveryPage].text)))"; font: 700 9pt "DejaVu Sans", Arial, sans-serif; color: var(--ink); } }

        """#
    }
}
