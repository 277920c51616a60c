import Foundation

/// Reads rule packs from YAML (composed by Yams, read as `RuleNode`s), so every mistake carries file, line and column.
public enum RuleLoader {
    static let packKeys = ["pack", "description", "types", "rules"]
    /// Rule files are small; a larger one is a mistake or an attack, refused before it is read.
    public static var maxFileSize: Int { YAMLFile.maxFileSize }

    /// Parses one pack; all the file's mistakes are returned together.
    public static func parse(yaml: String, file: String) -> Result<RulePack, RuleErrors> {
        result(of: parsePartially(yaml: yaml, file: file))
    }

    /// The pack, or all of the file's mistakes (its warnings among them) in file order.
    static func result(of parsed: Partial) -> Result<RulePack, RuleErrors> {
        guard parsed.errors.isEmpty, let pack = parsed.pack else {
            return .failure(RuleErrors(errors: RuleErrors.sorted(parsed.errors + parsed.warnings)))
        }
        return .success(pack)
    }

    /// What could be read of a file, with its mistakes: the rules that parsed (so checks across files, such
    /// as `within`, can still run and report in the same round), and the ids of those that did not (so
    /// a reference to one of them is not reported as unknown).
    struct Partial {
        var pack: RulePack?
        var errors: [RuleError] = []
        var warnings: [RuleError] = []
        var brokenIds = Set<String>()
    }

    static func parsePartially(yaml: String, file: String) -> Partial {
        switch YAMLFile.read(yaml, file: file) {
        case .success(let root): return parsePartially(root: root, yaml: yaml, file: file)
        case .failure(let errors): return Partial(errors: errors.errors)
        }
    }

    /// A pack from its tree (read from YAML, its size checked, or from the built-in packs' archive).
    /// `trusted`: a built-in pack's, its patterns compiled when first searched.
    static func parsePartially(
        root: RuleNode?, yaml: @escaping @autoclosure () -> String, file: String, trusted: Bool = false
    ) -> Partial {
        let reader = YAMLReader(file: file, text: yaml(), trusted: trusted)
        var partial = Partial()
        guard let root else {
            partial.errors = [RuleError(.missingKey("pack"), at: RuleLocation(file: file, line: 1, column: 1))]
            return partial
        }
        guard let fields = reader.fields(root, what: "规则文件顶层", allowed: packKeys) else {
            partial.errors = reader.errors
            return partial
        }
        let name = fields.string("pack", required: true)
        let packTypes = documentTypes(fields)
        var rules: [RuleSpec] = []
        if let rulesNode = fields.value("rules") {
            if case .sequence(let sequence) = rulesNode {
                for node in sequence {
                    if let rule = parseRule(node, pack: name?.value ?? "", packTypes: packTypes, reader: reader) {
                        rules.append(rule)
                    } else if case .mapping(let mapping) = node, let id = mapping["id"]?.string {
                        partial.brokenIds.insert(id)
                    }
                }
            } else {
                reader.report(.wrongType(key: "rules", expected: "规则列表"), at: rulesNode)
            }
        } else {
            reader.report(.missingKey("rules"), at: root)
        }
        var seen: [String: RuleLocation] = [:]
        rules = rules.filter { rule in
            if let first = seen[rule.header.id] {
                reader.report(.duplicateId(rule.header.id, first: first), at: rule.header.location)
                return false
            }
            seen[rule.header.id] = rule.header.location
            return true
        }
        partial.errors = reader.errors
        partial.warnings = reader.warnings
        if let name {
            partial.pack = RulePack(
                name: name.value, file: file, description: fields.prose("description")?.value, rules: rules,
                warnings: reader.warnings)
        }
        return partial
    }

    public static func loadFile(_ path: String) -> Result<RulePack, RuleErrors> {
        let partial = loadFilePartially(path)
        guard partial.errors.isEmpty, let pack = partial.pack else {
            return .failure(RuleErrors(errors: RuleErrors.sorted(partial.errors + partial.warnings)))
        }
        return .success(pack)
    }

    static func loadFilePartially(_ path: String) -> Partial {
        // The cap applies while reading, and a pipe or device (/dev/zero, a FIFO) is refused without
        // blocking: the language server loads rule files too.
        let yaml: String
        switch YAMLFile.read(path, what: "规则文件") {
        case .success(let text): yaml = text
        case .failure(let error): return Partial(errors: [error])
        }
        return parsePartially(yaml: yaml, file: path)
    }

    /// Rule files in a directory (recursively, *.yml and *.yaml, sorted) or the file itself.
    public static func ruleFiles(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
                files.append((path as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }

    /// `types:` of a pack or a rule; nil when absent.
    static func documentTypes(_ fields: MappingFields, key: String = "types") -> Set<DocumentType>? {
        guard let names = fields.strings(key) else { return nil }
        return Set(
            names.compactMap { name in
                if let type = DocumentType(rawValue: name.value) { return type }
                fields.reader.report(.invalidDocumentType(name.value), at: name.location)
                return nil
            })
    }

    /// One rule; it inherits the pack's `types` unless it names its own.
    static func parseRule(_ node: RuleNode, pack: String, packTypes: Set<DocumentType>?, reader: YAMLReader) -> RuleSpec? {
        let errorsBefore = reader.errorCount
        // Read the kind first: it decides which keys are allowed.
        var kind: RuleKind?
        if case .mapping(let mapping) = node, let kindNode = mapping["kind"] {
            if case .scalar(let scalar) = kindNode, let known = RuleKind(rawValue: scalar.string) {
                kind = known
            } else if case .scalar(let scalar) = kindNode {
                reader.report(
                    .unknownKind(
                        scalar.string,
                        suggestion: Suggestions.nearest(
                            to: scalar.string, in: RuleKind.allCases.map(\.rawValue))), at: kindNode)
            } else {
                reader.report(.wrongType(key: "kind", expected: "字符串"), at: kindNode)
            }
        }
        // With an unknown kind, accept any kind's keys: the kind is the one mistake to report.
        let kindKeys = kind.map { $0.definition.keys } ?? RuleKind.allCases.flatMap { $0.definition.keys }
        let allowed = RuleHeader.keys + kindKeys.filter { !RuleHeader.keys.contains($0) }.uniqued()
        guard let fields = reader.fields(node, what: "每条规则", allowed: allowed) else { return nil }
        if !fields.has("kind") { reader.report(.missingKey("kind"), at: node) }

        let id = fields.string("id", required: true)
        if let id, !isValidId(id.value) { reader.report(.invalidId(id.value), at: id.location) }
        let message = fields.string("message", required: true)
        var severity = Severity.warning
        if let value = fields.string("severity") {
            if let known = Severity(rawValue: value.value) {
                severity = known
            } else {
                reader.report(.invalidSeverity(value.value), at: value.location)
            }
        }
        let types = documentTypes(fields) ?? packTypes
        var examples = parseExamples(fields)
        let definition = kind?.definition.parse(fields)
        if let extra = definition?.extraExamples {
            examples.pass += extra.pass
            examples.fail += extra.fail
        }

        guard reader.errorCount == errorsBefore, let kind, let id, let message, let definition else { return nil }
        let header = RuleHeader(
            id: id.value, kind: kind, severity: severity, message: message.value,
            description: fields.prose("description")?.value, types: types, pack: pack,
            location: reader.location(of: node), examples: examples)
        return RuleSpec(header: header, definition: definition)
    }

    static func parseExamples(_ fields: MappingFields) -> RuleExamples {
        guard let node = fields.value("examples"),
            let examples = fields.reader.fields(node, what: "examples", allowed: ["pass", "fail"])
        else {
            return RuleExamples()
        }
        return RuleExamples(pass: examples.strings("pass") ?? [], fail: examples.strings("fail") ?? [])
    }

    /// `pack/name`: ASCII segments of a-z, 0-9, `_`, `.` and `-`, each starting with a letter or digit,
    /// joined by `/`. Checked by hand: an ICU regex would cost every start a millisecond of set-up.
    static func isValidId(_ id: String) -> Bool {
        id.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { segment in
            guard let first = segment.first, isLowerAlphanumeric(first) else { return false }
            return segment.allSatisfy {
                isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
            }
        }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
