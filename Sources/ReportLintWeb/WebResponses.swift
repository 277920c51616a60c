import Foundation
import Hummingbird
import ReportLint

/// The bodies the API answers with. Lint results are written by the CLI's own JSON reporter, so
/// `/api/lint` gives exactly what `reportlint lint --format json` prints for that file.
enum WebResponses {
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// `{"error": {"status": 422, "message": "……"}}`, with Retry-After on a 503.
    static func error(_ error: WebError) -> Response {
        let body = JSONValue.object([("error", .object([("status", .int(error.status)), ("message", .string(error.message))]))])
        var response = json(body.serialized() + "\n", status: HTTPResponse.Status(code: error.status))
        if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// The lint contract for one file: `{"files": [...], "summary": {...}}`.
    static func lintReport(_ result: LintResult, rules: CompiledRules) -> String {
        JSONReporter().report(LintRun(outcomes: [.linted(result)], rules: rules))
    }

    /// What the page needs to draw a report: the lint contract, the HTML report's drawing of the file,
    /// the working text (with Word's heading levels), and the fixes that can be applied one by one.
    static func review(_ result: LintResult, read: ReportService.Read, rules: CompiledRules) -> String {
        let source = read.working
        let html = HTMLFragment.fileView(.linted(result), displayPath: source.path, rules: rules.active)
        let fixes = Fixer.safeFixes(in: result)
        let findingIndex = Dictionary(result.findings.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let document = JSONValue.object([
            ("name", .string(source.path)),
            ("format", .string(read.format.rawValue)),
            ("text", .string(source.originalText ?? source.text)),
            (
                "outlineLevels",
                .object(source.outlineLevels.sorted { $0.key < $1.key }.map { (String($0.key), JSONValue.int($0.value)) })
            ),
        ])
        let fixList = JSONValue.array(
            fixes.map { finding in
                .object([
                    ("finding", .int(findingIndex[finding] ?? -1)),
                    ("rule", .string(finding.ruleId)),
                    ("line", .int(finding.start.line)),
                    ("column", .int(finding.start.column)),
                    ("original", .string(source.string(finding.range))),
                    ("replacement", .string(finding.suggestion ?? "")),
                ])
            })
        var output = "{\n  \"report\": "
        output += lintReport(result, rules: rules).trimmingCharacters(in: .whitespacesAndNewlines)
        output += ",\n" + JSONValue.member("document", document, level: 1)
        output += ",\n" + JSONValue.member("fixes", fixList, level: 1)
        output += ",\n" + JSONValue.member("html", .string(html), level: 1)
        return output + "\n}\n"
    }

    /// `{"name", "changed", "fixedText", "edits": [{rule, line, column, original, replacement, pass}], "passes"}`.
    static func fix(_ result: Fixer.Result, name: String) -> String {
        JSONValue.object([
            ("name", .string(name)),
            ("changed", .bool(result.changed)),
            ("passes", .int(result.passes)),
            (
                "edits",
                .array(
                    result.applied.map { edit in
                        .object([
                            ("rule", .string(edit.ruleId)),
                            ("line", .int(edit.line)),
                            ("column", .int(edit.column)),
                            ("original", .string(edit.original)),
                            ("replacement", .string(edit.replacement)),
                            ("pass", .int(edit.pass)),
                        ])
                    })
            ),
            ("fixedText", .string(result.fixedText)),
        ]).serialized() + "\n"
    }
}
