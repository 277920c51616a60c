// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReportLint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ReportLint", targets: ["ReportLint"]),
        .executable(name: "reportlint", targets: ["reportlint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [

        // All logic. `BuiltinRules` is a symlink to the top-level Rules/ folder: the packs are
        // compiled into the binary as byte arrays (`PackageResources`), so a copied binary works alone.
        .target(
            name: "ReportLint",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("BuiltinRules")]
        ),
        // A thin command line over the library.
        .executableTarget(
            name: "reportlint",
            dependencies: [
                "ReportLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
    ]
)
