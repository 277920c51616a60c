import Foundation

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning. The driver lists every rule that ran (id,
/// short and full description, help, default level); results carry regions in Unicode code points and
/// artifact URIs relative to the repository root (`--base`), percent-encoded.
public struct SARIFReporter: Reporter {
    public let base: String?

    public init(base: String? = nil) {
        self.base = base
    }

    public func report(_ run: LintRun) -> String {
        let index = Dictionary(uniqueKeysWithValues: run.rules.enumerated().map { ($1.header.id, $0) })
        var results: [JSONValue] = []
        var notifications: [JSONValue] = []
        for outcome in run.outcomes {
            let path = ReportPath.display(outcome.path, base: base)
            switch outcome {
            case .failed(let error):
                notifications.append(.object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string("\(path): \(error.message)"))])),
                    ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(path))]))])])),
                ]))
            case .linted(let result):
                for (finding, fingerprint) in zip(result.findings, FindingContext.fingerprints(of: result, path: path)) {
                    var members: [(String, JSONValue)] = [("ruleId", .string(finding.ruleId))]
                    if let ruleIndex = index[finding.ruleId] { members.append(("ruleIndex", .int(ruleIndex))) }
                    members += [
                        ("level", .string(SARIFReporter.level(finding.severity))),
                        ("message", .object([("text", .string(finding.message))])),
                        ("locations", .array([.object([("physicalLocation", .object([
                            ("artifactLocation", artifact(path)),
                            ("region", .object([
                                ("startLine", .int(finding.start.line)), ("startColumn", .int(finding.start.column)),
                                ("endLine", .int(finding.end.line)), ("endColumn", .int(finding.end.column)),
                            ])),
                        ]))])])),
                        ("partialFingerprints", .object([("reportlintContext/v1", .string(fingerprint))])),
                    ]
                    if let suggestion = finding.suggestion {
                        members.append(("properties", .object([("suggestion", .string(suggestion))])))
                    }
                    results.append(.object(members))
                }
            }
        }
        let root = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("ReportLint")),
                    ("version", .string(ReportLintVersion.current)),
                    ("informationUri", .string(ReportLintVersion.informationURI)),
                    ("rules", .array(run.rules.map(rule))),
                ]))])),
                ("invocations", .array([.object([
                    ("executionSuccessful", .bool(notifications.isEmpty)),
                    ("toolExecutionNotifications", .array(notifications)),
                ])])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return root.serialized() + "\n"
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

/// The tool's identity in machine reports.
public enum ReportLintVersion {
    public static let current = "0.2.0"
    public static let informationURI = "https://github.com/reportlint/reportlint"
}
