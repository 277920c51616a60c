import Foundation
import Yams

/// A JSON value as a schema sees it: integers kept apart from other numbers (draft-04's `integer`),
/// object members unordered.
indirect enum SchemaValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([SchemaValue])
    case object([String: SchemaValue])

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var numeric: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// JSON equality: 1 and 1.0 are the same number.
    static func == (lhs: SchemaValue, rhs: SchemaValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default:
            if let a = lhs.numeric, let b = rhs.numeric { return a == b }
            return false
        }
    }

    subscript(key: String) -> SchemaValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// A strict JSON parser (RFC 8259) into `SchemaValue`.
struct StrictJSONParser {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "JSON error at byte \(offset): \(reason)" }
    }

    private let bytes: [UInt8]
    private var index = 0

    static func parse(_ data: Data) throws -> SchemaValue {
        var parser = StrictJSONParser(bytes: Array(data))
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw Failure(offset: parser.index, reason: "text after the value") }
        return value
    }

    static func parse(_ text: String) throws -> SchemaValue { try parse(Data(text.utf8)) }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

    private mutating func expect(_ literal: String) throws {
        for byte in literal.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw fail("expected \(literal)") }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws -> SchemaValue {
        guard depth < 512 else { throw fail("nested too deeply") }
        guard index < bytes.count else { throw fail("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [String: SchemaValue] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let key = try string()
                guard members[key] == nil else { throw fail("duplicate key \(key)") }
                skipSpace()
                try expect(":")
                skipSpace()
                members[key] = try value(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw fail("unexpected end") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect("}")
                return .object(members)
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [SchemaValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw fail("unexpected end") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect("]")
                return .array(items)
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        default:
            return try number()
        }
    }

    private mutating func number() throws -> SchemaValue {
        let start = index
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let from = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            return index - from
        }
        guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { throw fail("expected a value") }
        if bytes[index] == 0x30 { index += 1 } else { _ = digits() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard digits() > 0 else { throw fail("expected digits after .") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fail("expected exponent digits") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let value = Int(text) { return .integer(value) }
        guard let value = Double(text) else { throw fail("bad number \(text)") }
        return .number(value)
    }

    private mutating func string() throws -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            if !run.isEmpty {
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll()
            }
        }
        while true {
            guard index < bytes.count else { throw fail("unterminated string") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                guard index < bytes.count else { throw fail("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        try expect("\\u")
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("unpaired surrogate") }
                    scalars.append(scalar)
                default: throw fail("bad escape")
                }
            default:
                guard byte >= 0x20 else { throw fail("control character in a string") }
                run.append(byte)
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw fail("bad \\u escape") }
        index += 4
        return code
    }
}

extension SchemaValue {
    /// A YAML text as a schema-aware editor reads it (YAML 1.2 core schema: `yes` and dates stay strings).
    static func yaml(_ text: String) throws -> SchemaValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return try yaml(node)
    }

    static func yaml(_ node: Node) throws -> SchemaValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            let text = scalar.string
            if ["null", "Null", "NULL", "~", ""].contains(text) { return .null }
            if ["true", "True", "TRUE"].contains(text) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(text) { return .bool(false) }
            if text.range(of: #"^[-+]?[0-9]+$"#, options: .regularExpression) != nil, let value = Int(text) {
                return .integer(value)
            }
            if text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
                let value = Double(text)
            {
                return .number(value)
            }
            return .string(text)
        case .sequence(let sequence):
            return .array(try sequence.map(yaml))
        case .mapping(let mapping):
            var members: [String: SchemaValue] = [:]
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else {
                    throw StrictJSONParser.Failure(offset: 0, reason: "a YAML key that is not a scalar")
                }
                members[scalar.string] = try yaml(value)
            }
            return .object(members)
        case .alias:
            throw StrictJSONParser.Failure(offset: 0, reason: "an unresolved YAML alias")
        }
    }
}

/// Validates JSON values against a JSON Schema of draft-04 or draft-07, for the keywords the official SARIF
/// 2.1.0 schema and ReportLint's own schemas use. A keyword it does not know makes it throw, so a schema
/// that starts using one fails the tests loudly instead of being half checked.
struct JSONSchemaValidator {
    struct UnsupportedKeyword: Error, CustomStringConvertible {
        let keyword: String
        let schemaPath: String
        var description: String { "the schema uses \(keyword) at \(schemaPath), which this validator does not implement" }
    }

    /// Keywords that only annotate (`format` is an annotation by default in both drafts, as in Python's jsonschema).
    static let annotations: Set<String> = [
        "$schema", "id", "$id", "title", "description", "default", "examples", "$comment", "format", "definitions",
    ]
    static let assertions: Set<String> = [
        "$ref", "type", "enum", "const", "properties", "patternProperties", "additionalProperties", "required",
        "propertyNames", "minProperties", "maxProperties", "items", "minItems", "maxItems", "uniqueItems",
        "minimum", "maximum", "minLength", "maxLength", "pattern", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    ]

    let root: SchemaValue
    let draft: Int

    init(schema: SchemaValue) throws {
        root = schema
        let uri: String
        if case .string(let value)? = schema["$schema"] { uri = value } else { uri = "" }
        if uri.contains("draft-04") {
            draft = 4
        } else if uri.contains("draft-07") {
            draft = 7
        } else {
            throw UnsupportedKeyword(keyword: "$schema \(uri)", schemaPath: "#")
        }
        try checkKeywords(schema, path: "#")
    }

    /// Every error: `instance path: reason`. Empty when the value is valid.
    func errors(_ instance: SchemaValue) throws -> [String] {
        var errors: [String] = []
        try validate(instance, root, instancePath: "", errors: &errors)
        return errors
    }

    private func checkKeywords(_ schema: SchemaValue, path: String) throws {
        guard case .object(let members) = schema else {
            if case .bool = schema, draft >= 6 { return }
            throw UnsupportedKeyword(keyword: "a schema that is a \(schema.typeName)", schemaPath: path)
        }
        for (key, value) in members {
            guard Self.annotations.contains(key) || Self.assertions.contains(key) else {
                throw UnsupportedKeyword(keyword: key, schemaPath: path)
            }
            switch key {
            case "properties", "patternProperties", "definitions":
                guard case .object(let children) = value else {
                    throw UnsupportedKeyword(keyword: "\(key) that is not an object", schemaPath: path)
                }
                for (name, child) in children { try checkKeywords(child, path: "\(path)/\(key)/\(name)") }
            case "additionalProperties", "items", "not", "if", "then", "else", "propertyNames":
                if case .array(let children) = value {
                    for (index, child) in children.enumerated() { try checkKeywords(child, path: "\(path)/\(key)/\(index)") }
                } else if case .bool = value, key == "additionalProperties" {
                } else {
                    try checkKeywords(value, path: "\(path)/\(key)")
                }
            case "allOf", "anyOf", "oneOf":
                guard case .array(let children) = value else {
                    throw UnsupportedKeyword(keyword: "\(key) that is not an array", schemaPath: path)
                }
                for (index, child) in children.enumerated() { try checkKeywords(child, path: "\(path)/\(key)/\(index)") }
            case "$ref":
                guard case .string(let reference) = value else {
                    throw UnsupportedKeyword(keyword: "$ref that is not a string", schemaPath: path)
                }
                _ = try resolve(reference, from: path)
            default:
                break
            }
            if draft < 6, ["if", "then", "else", "const", "propertyNames"].contains(key) {
                throw UnsupportedKeyword(keyword: "\(key) in draft-04", schemaPath: path)
            }
        }
    }

    private func resolve(_ reference: String, from path: String) throws -> SchemaValue {
        guard reference.hasPrefix("#") else { throw UnsupportedKeyword(keyword: "$ref \(reference)", schemaPath: path) }
        var node = root
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key] else {
                throw UnsupportedKeyword(keyword: "$ref \(reference) (not found)", schemaPath: path)
            }
            node = next
        }
        return node
    }

    private func isType(_ instance: SchemaValue, _ name: String) throws -> Bool {
        switch name {
        case "null", "boolean", "string", "array", "object": return instance.typeName == name
        case "integer":
            if case .integer = instance { return true }
            if draft >= 6, case .number(let value) = instance { return value.rounded() == value }
            return false
        case "number": return instance.numeric != nil
        default: throw UnsupportedKeyword(keyword: "type \(name)", schemaPath: "")
        }
    }

    private func validate(_ instance: SchemaValue, _ schema: SchemaValue, instancePath: String, errors: inout [String]) throws {
        let at = instancePath.isEmpty ? "/" : instancePath
        if case .bool(let allowed) = schema {
            if !allowed { errors.append("\(at): no value is allowed here") }
            return
        }
        guard case .object(let keywords) = schema else { return }
        // In draft-04 and draft-07 a $ref replaces its siblings.
        if case .string(let reference)? = keywords["$ref"] {
            try validate(instance, try resolve(reference, from: ""), instancePath: instancePath, errors: &errors)
            return
        }
        if let type = keywords["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let items): names = items.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: names = []
            }
            if try !names.contains(where: { try isType(instance, $0) }) {
                errors.append("\(at): is \(instance.typeName), not \(names.joined(separator: " or "))")
            }
        }
        if case .array(let allowed)? = keywords["enum"], !allowed.contains(instance) {
            errors.append("\(at): \(describe(instance)) is not one of the allowed values")
        }
        if let constant = keywords["const"], constant != instance {
            errors.append("\(at): \(describe(instance)) is not \(describe(constant))")
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            guard case .array(let branches)? = keywords[key] else { continue }
            var passing = 0
            var branchErrors: [String] = []
            for branch in branches {
                var found: [String] = []
                try validate(instance, branch, instancePath: instancePath, errors: &found)
                if found.isEmpty { passing += 1 } else { branchErrors += found }
            }
            switch key {
            case "allOf": errors += branchErrors
            case "anyOf":
                if passing == 0 { errors.append("\(at): matches none of anyOf (\(branchErrors.joined(separator: "; ")))") }
            default: if passing != 1 { errors.append("\(at): matches \(passing) of oneOf, not exactly one") }
            }
        }
        if let negated = keywords["not"] {
            var found: [String] = []
            try validate(instance, negated, instancePath: instancePath, errors: &found)
            if found.isEmpty { errors.append("\(at): matches a schema it must not") }
        }
        if let condition = keywords["if"] {
            var found: [String] = []
            try validate(instance, condition, instancePath: instancePath, errors: &found)
            if found.isEmpty, let then = keywords["then"] {
                try validate(instance, then, instancePath: instancePath, errors: &errors)
            } else if !found.isEmpty, let otherwise = keywords["else"] {
                try validate(instance, otherwise, instancePath: instancePath, errors: &errors)
            }
        }
        switch instance {
        case .object(let members):
            try validateObject(members, keywords, instancePath: instancePath, errors: &errors)
        case .array(let items):
            if case .integer(let minimum)? = keywords["minItems"], items.count < minimum {
                errors.append("\(at): fewer than \(minimum) items")
            }
            if case .integer(let maximum)? = keywords["maxItems"], items.count > maximum {
                errors.append("\(at): more than \(maximum) items")
            }
            if case .bool(true)? = keywords["uniqueItems"] {
                for index in items.indices where items[..<index].contains(items[index]) {
                    errors.append("\(instancePath)/\(index): repeats an earlier item")
                }
            }
            switch keywords["items"] {
            case .array(let schemas)?:
                for (index, item) in items.enumerated() where index < schemas.count {
                    try validate(item, schemas[index], instancePath: "\(instancePath)/\(index)", errors: &errors)
                }
            case let itemSchema?:
                for (index, item) in items.enumerated() {
                    try validate(item, itemSchema, instancePath: "\(instancePath)/\(index)", errors: &errors)
                }
            case nil: break
            }
        case .string(let text):
            let length = text.unicodeScalars.count
            if case .integer(let minimum)? = keywords["minLength"], length < minimum {
                errors.append("\(at): shorter than \(minimum)")
            }
            if case .integer(let maximum)? = keywords["maxLength"], length > maximum {
                errors.append("\(at): longer than \(maximum)")
            }
            if case .string(let pattern)? = keywords["pattern"], try !matches(text, pattern) {
                errors.append("\(at): \(describe(instance)) does not match \(pattern)")
            }
        case .integer, .number:
            let value = instance.numeric!
            if let minimum = keywords["minimum"]?.numeric, value < minimum {
                errors.append("\(at): \(value) is less than \(minimum)")
            }
            if let maximum = keywords["maximum"]?.numeric, value > maximum {
                errors.append("\(at): \(value) is more than \(maximum)")
            }
        default:
            break
        }
    }

    private func validateObject(
        _ members: [String: SchemaValue], _ keywords: [String: SchemaValue], instancePath: String, errors: inout [String]
    ) throws {
        let at = instancePath.isEmpty ? "/" : instancePath
        if case .array(let required)? = keywords["required"] {
            for case .string(let name) in required where members[name] == nil {
                errors.append("\(at): the required property \(name) is missing")
            }
        }
        if case .integer(let minimum)? = keywords["minProperties"], members.count < minimum {
            errors.append("\(at): fewer than \(minimum) properties")
        }
        if case .integer(let maximum)? = keywords["maxProperties"], members.count > maximum {
            errors.append("\(at): more than \(maximum) properties")
        }
        var properties: [String: SchemaValue] = [:]
        if case .object(let declared)? = keywords["properties"] { properties = declared }
        var patterns: [String: SchemaValue] = [:]
        if case .object(let declared)? = keywords["patternProperties"] { patterns = declared }
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            let path = "\(instancePath)/\(name)"
            if let names = keywords["propertyNames"] {
                var found: [String] = []
                try validate(.string(name), names, instancePath: path, errors: &found)
                if !found.isEmpty {
                    errors.append("\(path): the property name \(name) is not allowed (\(found.joined(separator: "; ")))")
                }
            }
            var covered = false
            if let schema = properties[name] {
                covered = true
                try validate(value, schema, instancePath: path, errors: &errors)
            }
            for (pattern, schema) in patterns where try matches(name, pattern) {
                covered = true
                try validate(value, schema, instancePath: path, errors: &errors)
            }
            if !covered, let additional = keywords["additionalProperties"] {
                if case .bool(false) = additional {
                    errors.append("\(path): the property \(name) is not allowed")
                } else {
                    try validate(value, additional, instancePath: path, errors: &errors)
                }
            }
        }
    }

    /// ECMA-262 `pattern` (not anchored), through ICU: the same for the character classes these schemas use.
    private func matches(_ text: String, _ pattern: String) throws -> Bool {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private func describe(_ value: SchemaValue) -> String {
        switch value {
        case .string(let text): "\"\(text)\""
        case .integer(let number): "\(number)"
        case .number(let number): "\(number)"
        case .bool(let flag): "\(flag)"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// SHA-256 (FIPS 180-4), to check that a shipped file is the official one byte for byte.
enum SHA256Digest {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    static func hex(_ data: Data) -> String {
        var message = Array(data)
        let bitLength = UInt64(message.count) * 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            message.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        var h: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var w = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: message.count, by: 64) {
            for i in 0..<16 {
                let b = chunk + i * 4
                w[i] =
                    UInt32(message[b]) << 24 | UInt32(message[b + 1]) << 16 | UInt32(message[b + 2]) << 8 | UInt32(message[b + 3])
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (i, value) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ value }
        }
        return h.map { String(format: "%08x", $0) }.joined()
    }
}
