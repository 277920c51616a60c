import Foundation

/// ArgumentParser's own English (help headings, its options, usage errors) in Chinese, so the command line
/// speaks one language with the messages and diagnostics.
enum Chinese {
    static let replacements: [(pattern: String, template: String)] = [
        (#"(?m)^Error: "#, "错误: "),
        (#"Unknown option '([^']+)'\."#, "未知的选项“$1”。"),
        (#"Unknown option '([^']+)'"#, "未知的选项“$1”"),
        (#" ?Did you mean '([^']+)'\?"#, "是否想写“$1”？"),
        (#"Missing expected argument '([^']+)'"#, "缺少参数 $1"),
        (#"Missing value for '([^']+)'"#, "“$1”缺少值"),
        (#"The value '([^']*)' is invalid for '([^']+)'\. Please provide one of the following:"#, "“$1”不是“$2”的有效值，可用的值："),
        (#"The value '([^']*)' is invalid for '([^']+)'"#, "“$1”不是“$2”的有效值"),
        (#"Unexpected argument '([^']+)'"#, "多余的参数“$1”"),
        (#"(?m)^Help: "#, "说明: "),
        (#"(?m)^Usage: "#, "用法: "),
        (#"See '([^']+)' for more information\."#, "用 $1 查看说明。"),
        (#"See '([^']+)' for detailed help\."#, "用 $1 查看各命令的说明。"),
        (#"(?m)^OVERVIEW:"#, "概述:"),
        (#"(?m)^USAGE:"#, "用法:"),
        (#"(?m)^ARGUMENTS:"#, "参数:"),
        (#"(?m)^OPTIONS:"#, "选项:"),
        (#"(?m)^SUBCOMMANDS:"#, "子命令:"),
        (#"Show the version\."#, "显示版本号。"),
        (#"Show help information\."#, "显示帮助。"),
        (#"Show subcommand help information\."#, "显示子命令的帮助。"),
        (#"\(values:\s+([^)]*);\s+default:\s+([^)]*)\)"#, "（可用：$1；默认：$2）"),
        (#"\(default:\s+([^)]*)\)"#, "（默认：$1）"),
        (#"\(values:\s+([^)]*)\)"#, "（可用：$1）"),
    ]

    /// A piece of every pattern's English: text without any of them is left as it is.
    static let needles = [
        "Error: ", "Unknown option", "Did you mean", "Missing ", "is invalid for", "Unexpected argument", "Help: ",
        "Usage: ", "See '", "OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show ", "(values:",
        "(default:",
    ]

    static func translate(_ text: String) -> String {
        // `--version` and most messages contain none of the English: compiling the expressions (ICU's
        // first regex builds its static sets) cost `--version` a fifth of its time.
        guard Chinese.needles.contains(where: { text.contains($0) }) else { return text }
        var result = text
        for (pattern, template) in replacements {
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return result
    }
}
