import Foundation

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning. The driver lists every rule that ran (id,
/// short and full description, help, default level); results carry regions in Unicode code points and
/// artifact URIs relative to the repository root (`--base`), percent-encoded.
public struct SARIFReporter: StreamingReporter {
    public let base: String?
    private var ruleIndex: [String: Int] = [:]
    private var notifications: [JSONValue] = []
    private var wroteResult = false

    public init(base: String? = nil) {
        self.base = base
    }

    // Written in pieces: the tool and its rules, then each file's results, then the invocation with
    // the files that could not be read. Results sit at the fifth level of indentation.
    public mutating func begin(rules: [any Rule]) -> String {
        ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.header.id, $0) })
        let tool = JSONValue.object([
            (
                "driver",
                .object([
                    ("name", .string("ReportLint")),
                    ("version", .string(ReportLintVersion.current)),
                    ("informationUri", .string(ReportLintVersion.informationURI)),
                    ("rules", .array(rules.map(rule))),
                ])
            )
        ])
        return "{\n" + JSONValue.member("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json"), level: 1) + ",\n"
            + JSONValue.member("version", .string("2.1.0"), level: 1) + ",\n"
            + "  \"runs\": [\n    {\n"
            + JSONValue.member("tool", tool, level: 3) + ",\n"
            + JSONValue.member("columnKind", .string("unicodeCodePoints"), level: 3) + ",\n"
            + "      \"results\": ["
    }

    public mutating func file(_ outcome: FileOutcome, index: Int) -> String {
        let path = ReportPath.display(outcome.path, base: base)
        switch outcome {
        case .failed(let error):
            notifications.append(
                .object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string("\(path): \(error.message)"))])),
                    ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(path))]))])])),
                ]))
            return ""
        case .linted(let result):
            var output = ""
            for (finding, fingerprint) in zip(result.findings, FindingContext.fingerprints(of: result, path: path)) {
                output +=
                    (wroteResult ? ",\n        " : "\n        ")
                    + self.result(finding, fingerprint: fingerprint, path: path).serialized(indent: 4)
                wroteResult = true
            }
            return output
        }
    }

    public mutating func end(_ summary: LintRun.Summary, diagnostics: [String]) -> String {
        let invocations = JSONValue.array([
            .object([
                ("executionSuccessful", .bool(notifications.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])
        ])
        return (wroteResult ? "\n      ]" : "]") + ",\n" + JSONValue.member("invocations", invocations, level: 3)
            + "\n    }\n  ]\n}\n"
    }

    private func result(_ finding: Finding, fingerprint: String, path: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.ruleId))]
        if let index = ruleIndex[finding.ruleId] { members.append(("ruleIndex", .int(index))) }
        members += [
            ("level", .string(SARIFReporter.level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            (
                "locations",
                .array([
                    .object([
                        (
                            "physicalLocation",
                            .object([
                                ("artifactLocation", artifact(path)),
                                (
                                    "region",
                                    .object([
                                        ("startLine", .int(finding.start.line)), ("startColumn", .int(finding.start.column)),
                                        ("endLine", .int(finding.end.line)), ("endColumn", .int(finding.end.column)),
                                    ])
                                ),
                            ])
                        )
                    ])
                ])
            ),
            ("partialFingerprints", .object([("reportlintContext/v1", .string(fingerprint))])),
        ]
        if let suggestion = finding.suggestion {
            members.append(("properties", .object([("suggestion", .string(suggestion))])))
        }
        return .object(members)
    }

    private func rule(_ rule: any Rule) -> JSONValue {
        let header = rule.header
        let full = header.description ?? header.message
        return .object([
            ("id", .string(header.id)),
            ("shortDescription", .object([("text", .string(header.message))])),
            ("fullDescription", .object([("text", .string(full))])),
            ("help", .object([("text", .string("\(full)\n运行 reportlint rules explain \(header.id) 查看依据和示例。"))])),
            ("defaultConfiguration", .object([("level", .string(SARIFReporter.level(header.severity)))])),
            ("properties", .object([("tags", .array([.string(header.pack), .string(header.kind.rawValue)]))])),
        ])
    }

    private func artifact(_ path: String) -> JSONValue {
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return .object([("uri", .string(encoded))])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}
