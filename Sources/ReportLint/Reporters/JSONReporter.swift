/// `--format json`: `{"files":[{"path","type","findings":[…]}],"summary":{…}}`. Other tools depend on
/// this shape: keys may be added, never renamed. A file that could not be read has `"error"` instead of
/// `"findings"`.
public struct JSONReporter: StreamingReporter {
    public init() {}

    // The pretty-printed object written in pieces: `{"files": [` file, file, … `], "summary": …}`.
    public func begin(rules: [any Rule]) -> String {
        "{\n  \"files\": ["
    }

    public func file(_ outcome: FileOutcome, index: Int) -> String {
        var output = index == 0 ? "\n    " : ",\n    "
        guard case .linted(let result) = outcome, case .object(let members) = JSONReporter.file(.linted(result.withoutFindings))
        else { return output + JSONReporter.file(outcome).serialized(indent: 2) }
        // Findings are most of the output: written straight into the text, not through a JSONValue tree.
        output += "{\n"
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { output += ",\n" }
            if key == "findings" {
                output += "      \"findings\": "
                JSONReporter.write(result.findings, into: &output)
            } else {
                output += JSONValue.member(key, value, level: 3)
            }
        }
        return output + "\n    }"
    }

    /// The same text as `.array(findings.map(finding)).serialized(indent: 3)`, written straight into the
    /// output (no tree for the array and its objects); the keys and values are `finding`'s, the one encoding.
    static func write(_ findings: [Finding], into output: inout String) {
        guard !findings.isEmpty else {
            output += "[]"
            return
        }
        output += "["
        for (index, finding) in findings.enumerated() {
            output += index == 0 ? "\n        {\n" : ",\n        {\n"
            guard case .object(let members) = JSONReporter.finding(finding) else { continue }
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { output += ",\n" }
                output += JSONValue.member(key, value, level: 5)
            }
            output += "\n        }"
        }
        output += "\n      ]"
    }

    public func end(_ summary: LintRun.Summary, diagnostics: [String]) -> String {
        var members: [(String, JSONValue)] = [
            (
                "summary",
                .object(
                    [
                        ("files", .int(summary.files)),
                        ("filesWithFindings", .int(summary.filesWithFindings)),
                        ("unreadable", .int(summary.unreadable)),
                        ("findings", .int(summary.findings)),
                        ("errors", .int(summary.errors)),
                        ("warnings", .int(summary.warnings)),
                        ("infos", .int(summary.infos)),
                        ("waived", .int(summary.waived)),
                        ("baselined", .int(summary.baselined)),
                    ] + (summary.notReports > 0 ? [("notReports", JSONValue.int(summary.notReports))] : []))
            )
        ]
        if !diagnostics.isEmpty { members.append(("diagnostics", .array(diagnostics.map(JSONValue.string)))) }
        var output = summary.files == 0 ? "]" : "\n  ]"
        for (key, value) in members { output += ",\n" + JSONValue.member(key, value, level: 1) }
        return output + "\n}\n"
    }

    public static func file(_ outcome: FileOutcome) -> JSONValue {
        switch outcome {
        case .failed(let error):
            return .object([("path", .string(error.path)), ("error", .object([("message", .string(error.message))]))])
        case .linted(let result):
            var members: [(String, JSONValue)] = [
                ("path", .string(result.path)),
                ("type", result.document.type.map { .string($0.rawValue) } ?? .null),
                ("typeSource", .string(result.document.typeOrigin.rawValue)),
                ("format", .string(result.document.source.format.rawValue)),
                ("encoding", .string(result.document.source.encoding.rawValue)),
                ("findings", .array(result.findings.map(finding))),
            ]
            if !result.waived.isEmpty {
                members.append(
                    (
                        "waived",
                        .array(
                            result.waived.map { waived in
                                guard case .object(let fields) = finding(waived.finding) else { return .null }
                                return .object(
                                    fields + [("reason", .string(waived.waiver.reason))]
                                        + (waived.waiver.expires.map { [("expires", JSONValue.string($0))] } ?? []))
                            })
                    ))
            }
            if !result.notes.isEmpty { members.append(("notes", .array(result.notes.map(JSONValue.string)))) }
            return .object(members)
        }
    }

    public static func finding(_ finding: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(finding.ruleId)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("line", .int(finding.start.line)),
            ("column", .int(finding.start.column)),
            ("endLine", .int(finding.end.line)),
            ("endColumn", .int(finding.end.column)),
        ]
        if let suggestion = finding.suggestion {
            members.append(("suggestion", .string(suggestion)))
            members.append(("fixable", .bool(finding.fixable)))
        }
        return .object(members)
    }
}
