// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReportLint",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ReportLint", targets: ["ReportLint"]),
        .executable(name: "reportlint", targets: ["reportlint"]),
        .executable(name: "reportlint-web", targets: ["reportlint-web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [

        // All logic. `BuiltinRules` is a symlink to the top-level Rules/ folder: the packs are compiled
        // into the binary (`PackageResources`, written by the EmbedBuiltinRules plugin as string literals),
        // so a copied binary works alone.
        .target(
            name: "ReportLint",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                "CICURegex",
            ],
            exclude: ["BuiltinRules"],
            plugins: [.plugin(name: "EmbedBuiltinRules")]
        ),
        // ICU's C regex API from the toolchain's own ICU (the one NSRegularExpression uses on Linux).
        .target(name: "CICURegex", linkerSettings: [.linkedLibrary("_FoundationICU")]),
        // Writes the built-in rule files as Swift string literals (SwiftPM's embedInCode writes array
        // literals of numbers, which took a debug build about 25 minutes to type-check).
        .executableTarget(name: "reportlint-embed"),
        .plugin(name: "EmbedBuiltinRules", capability: .buildTool(), dependencies: ["reportlint-embed"]),
        // A thin command line over the library.
        .executableTarget(
            name: "reportlint",
            dependencies: [
                "ReportLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The office web service (issue 21): routes and handlers in a library the tests import, so the core
        // `ReportLint` library and the CLI never depend on Hummingbird.
        .target(
            name: "ReportLintWeb",
            dependencies: [
                "ReportLint",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The page, its script and style sheet, compiled into the binary (served as same-origin files).
            resources: [.embedInCode("Assets")]
        ),
        .executableTarget(
            name: "reportlint-web",
            dependencies: [
                "ReportLintWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Fuzz targets (scripts/fuzz builds them with libFuzzer); built normally, a corpus replayer.
        .executableTarget(
            name: "reportlint-fuzz",
            dependencies: ["ReportLint"]
        ),
        .testTarget(
            name: "ReportLintTests",
            // Depends on the executable so `swift test` builds it for the CLI tests.
            dependencies: [
                "ReportLint", "reportlint", "reportlint-fuzz",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Schemas/ holds the official SARIF 2.1.0 schema (OASIS, errata 01) the SARIF output is validated against.
            exclude: ["Golden", "Schemas"]
        ),
        .testTarget(
            name: "ReportLintWebTests",
            // Depends on the CLI so that the tests can compare /api/lint with `reportlint lint --format json`.
            dependencies: [
                "ReportLintWeb", "ReportLint", "reportlint",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
