/// The HTML report's drawing of one report, for pages that embed it (the web service): the same
/// highlighted text, finding list and outline as `--format html`, without the page around them, and the
/// style sheet that goes with them. Element ids carry `number` (`L1-14`, `m1-2`, `f1-2`), as in the report.
public enum HTMLFragment {
    public static func fileView(_ outcome: FileOutcome, displayPath: String, rules: [any Rule], number: Int = 1) -> String {
        var page = HTMLWriter()
        HTMLFileView(outcome: outcome, number: number, displayPath: displayPath, rules: rules).render(into: &page)
        return page.output
    }

    /// The report's style sheet (no `<` or `&`; safe to serve as a file of its own).
    public static var css: String { HTMLStyle.css }
}
