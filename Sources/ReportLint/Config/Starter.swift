/// What `reportlint init` writes: a commented starter configuration and a custom rule file that pass
/// `rules validate` and `rules test` as written (a test checks both, and the JSON Schemas).
public enum Starter {
    public static let configFile = ".reportlint.yml"
    public static let ruleFile = "rules/my-unit.yml"
    /// The schemas, written beside the configuration so that editors validate offline.
    public static let rulesSchemaFile = ".reportlint/rules.schema.json"
    public static let configSchemaFile = ".reportlint/config.schema.json"

    /// Every file `init` writes, with its content.
    /// The schemas alone (`init --schemas`): refreshed after an upgrade, the user's own files left alone.
    public static var schemaFiles: [(path: String, content: String)] {
        [(rulesSchemaFile, BuiltinRules.rulesSchema), (configSchemaFile, BuiltinRules.configSchema)]
    }

    public static var files: [(path: String, content: String)] {
        [
            (configFile, config), (ruleFile, rules),
            (rulesSchemaFile, BuiltinRules.rulesSchema), (configSchemaFile, BuiltinRules.configSchema),
        ]
    }

    public static let config = """
        # yaml-language-server: $schema=.reportlint/config.schema.json
        # ReportLint 配置。reportlint 从每个报告所在目录向上查找这个文件；也可用 --config 指定。

        # 内置规则包的开关：common（所有报告）、report（必备部分）、summary、responsibility、plan、duty。
        packs:
          common: true
          duty: true

        # 单条规则的级别：error、warning、info，或 off 关闭。reportlint rules list 列出全部规则。
        rules:
          common/stray-space: warning
          common/document-type: info

        # 本单位的规则文件（相对于本文件所在目录）。
        ruleFiles:
          - rules/my-unit.yml

        # 按路径指定文种（标题看不出文种时有用）：summary、responsibility、plan、duty。
        types:
          "*要点*.txt": plan
          "述责述廉/**": duty

        # 不检查的文件。
        ignore:
          - "drafts/**"

        """

    public static let rules = """
        # yaml-language-server: $schema=../.reportlint/rules.schema.json
        # 本单位的规则。reportlint rules validate 检查格式，reportlint rules test 运行下面的示例。
        pack: my-unit
        description: 本单位的用语规范
        rules:
          - id: my-unit/rectification
            kind: phrase
            severity: warning
            message: “存在的问题”部分没有写整改措施
            phrases: [整改, 立行立改]
            within: report/problems
            examples:
              pass:
                - |
                  2023年党建工作总结
                  一、存在的问题
                  学习不够深入，已制定整改措施。
              fail:
                - |
                  2023年党建工作总结
                  一、存在的问题
                  学习不够深入。

          - id: my-unit/colloquial
            kind: forbid
            severity: warning
            message: 公文中避免口语化表述
            phrases: [搞好, 抓手]
            examples:
              pass: [切实抓好理论学习。]
              fail: [要搞好理论学习。]

        """
}
