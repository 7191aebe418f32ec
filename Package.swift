// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Tensors", targets: ["Tensors"]),
        // Notebook programs link this at run time: the engine plus the cell runtime.
        .library(name: "FolioRuntime", type: .dynamic, targets: ["FolioRuntime"]),
        .library(name: "Folio", targets: ["Folio"]),
        .library(name: "FolioSite", targets: ["FolioSite"]),
        .executable(name: "folio", targets: ["FolioCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
        // Vector loops compiled once per x86-64 instruction set, which Swift cannot do.
        .target(name: "CKernels"),
        .target(name: "Tensors", dependencies: ["CBLAS", "CKernels"]),
        .target(name: "FolioRuntime", dependencies: ["Tensors"]),
        .target(
            name: "Folio",
            dependencies: [
                "Ccmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftLexicalLookup", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        // The site generator: pages, themes and the site's files, apart from the notebook library.
        .target(
            name: "FolioSite",
            dependencies: [
                "Folio",
                "Ccmark",
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // The `folio preview` server: kept out of Folio so the notebook library does not link an HTTP stack.
        .target(
            name: "FolioPreview",
            dependencies: [
                "Folio",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "FolioCLI",
            dependencies: [
                "Folio",
                "FolioSite",
                "FolioPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "TensorsDemo", dependencies: ["Tensors"]),
        .executableTarget(name: "TensorsBenchmarks", dependencies: ["Tensors", "CBLAS"], path: "Benchmarks/TensorsBenchmarks"),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FolioRuntimeTests", dependencies: ["FolioRuntime"]),
        .testTarget(name: "FolioTests", dependencies: ["Folio"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FolioSiteTests", dependencies: ["FolioSite"]),
        .testTarget(name: "FolioPreviewTests", dependencies: ["FolioPreview"]),
        .testTarget(name: "FolioCLITests", dependencies: ["FolioCLI"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v5]
)
