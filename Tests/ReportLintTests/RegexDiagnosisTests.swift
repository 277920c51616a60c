import Foundation
import Testing

@testable import ReportLint

/// A pattern ICU refuses gets a reason and the position of the mistake (issue 24, item 8).
@Suite("Regex diagnosis")
struct RegexDiagnosisTests {
    @Test(arguments: [
        ("取得(了.{0,10}成效", 3, "“(”没有对应的“)”"),
        ("a)b", 2, "多余的“)”"),
        ("[abc", 1, "字符类“[”没有对应的“]”"),
        ("*a", 1, "量词“*”前面没有可重复的内容"),
        ("a|+b", 3, "量词“+”前面没有可重复的内容"),
        ("(*a)", 2, "量词“*”前面没有可重复的内容"),
        ("a{3,1}", 2, "下限大于上限"),
        ("a{,3}", 2, "缺少下限，应写成 {0,3}"),
        ("a{x", 2, "“{”没有对应的“}”"),
        ("a{2}{3}", 5, "紧跟在另一个量词之后"),
        ("a?*", 3, "紧跟在另一个量词之后"),
        ("\\p{Foo}", 1, "未知的 Unicode 属性“Foo”"),
        ("[z-a]", 2, "字符范围“z-a”颠倒"),
        ("[\\u9fa5-\\u4e00]", 2, "颠倒"),
        ("x(?<=a+)b", 2, "后行断言“(?<=…)”中不能有无界重复"),
        ("(?<!a*)b", 1, "后行断言“(?<!…)”中不能有无界重复"),
        ("abc\\", 4, "末尾的“\\”后面缺少字符"),
        ("(?P<n>a)", 1, "“(?”后面的写法无法识别"),
        ("(?z)a", 1, "“(?”后面的写法无法识别"),
        ("(a)\\2", 4, "反向引用“\\2”指向不存在的第 2 个分组"),
        ("\\k<x>", 1, "反向引用“\\k<x>”指向不存在的命名分组"),
        ("[^]", 1, "字符类“[^]”是空的"),
        ("[a-\\d]", 4, "字符集结束"),
        ("\\x{zz}", 1, "十六进制"),
        ("\\u12", 1, "4 位十六进制数字"),
        ("工作(要点", 3, "“(”没有对应的“)”"),
        ("(?<名>a)", 1, "须以 ASCII 字母开头"),
    ])
    func diagnosed(pattern: String, position: Int, reason: String) throws {
        #expect((try? NSRegularExpression(pattern: pattern)) == nil, "ICU refuses \(pattern)")
        let problem = try #require(RegexDiagnosis.diagnose(pattern), "\(pattern)")
        #expect(problem.position == position, "\(pattern): \(problem)")
        #expect(problem.reason.contains(reason), "\(pattern): \(problem)")
    }

    /// Nothing is invented for patterns ICU accepts: every built-in pattern and some tricky valid ones.
    @Test func validPatternsHaveNoDiagnosis() throws {
        var patterns = [
            "[]a]", "a++", "a*+", "a+?", "(?i:a)", "(?-i)a", "(?<name1>a)\\k<name1>", "(a)\\1", "\\Q*(\\E", "a(?<=b{1,3})",
            "[a&&b]", "(?#注释)a", "\\p{Han}{2,}", "[\\u4e00-\\u9fa5]", "\\x41\\x{4e00}", "[-a]", "[a-]", "(?x) a b",
        ]
        func collect(_ value: SchemaValue, key: String?) {
            switch value {
            case .string(let text) where key == "patterns" || key == "cues": patterns.append(text)
            case .array(let items): for item in items { collect(item, key: key) }
            case .object(let members): for (name, value) in members { collect(value, key: name) }
            default: break
            }
        }
        let directory = TestSupport.packageRoot.appendingPathComponent("Rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".yml") {
            collect(try SchemaValue.yaml(String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)), key: nil)
        }
        #expect(patterns.count > 40)
        for pattern in patterns {
            #expect((try? NSRegularExpression(pattern: pattern)) != nil, "ICU should accept \(pattern)")
            #expect(
                RegexDiagnosis.diagnose(pattern) == nil, "\(pattern): \(String(describing: RegexDiagnosis.diagnose(pattern)))")
        }
    }

    /// Through the loader: the reason and the position reach the rule author.
    @Test func loaderReportsReasonAndPosition() {
        let errors = TestSupport.loadErrors(
            "pack: p\nrules:\n  - id: p/a\n    kind: forbid\n    message: m\n    patterns: ['取得(了.{0,10}成效']\n")
        #expect(errors.map(\.description) == ["rules.yml:6:16: 错误: 正则表达式“取得(了.{0,10}成效”无法编译，第 3 个字符处：“(”没有对应的“)”"])
    }
}
