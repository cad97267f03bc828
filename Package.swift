// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "conduct",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ConductKit", targets: ["ConductKit"]),
        .executable(name: "conduct", targets: ["conduct"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // C shim over the system ICU (libicu-dev). Its public header includes no ICU header,
        // so Swift can import it next to Foundation, which bundles an ICU of its own.
        .target(
            name: "CConductICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .target(name: "ConductNormalization", dependencies: ["CConductICU"]),
        .target(name: "ConductMatching"),
        .target(name: "ConductIO"),
        .target(
            name: "ConductRules",
            dependencies: ["ConductMatching", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "ConductKit",
            dependencies: ["ConductNormalization", "ConductMatching", "ConductRules"],
            resources: [.copy("Rules")]
        ),
        .target(name: "ConductEvaluation", dependencies: ["ConductKit", "ConductIO"]),
        .executableTarget(
            name: "conduct",
            dependencies: [
                "ConductKit", "ConductEvaluation", "ConductIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ConductNormalizationTests", dependencies: ["ConductNormalization", "CConductICU"]),
        .testTarget(name: "ConductMatchingTests", dependencies: ["ConductMatching"]),
        .testTarget(name: "ConductIOTests", dependencies: ["ConductIO"], resources: [.copy("FuzzCrashers")]),
        .testTarget(name: "ConductRulesTests", dependencies: ["ConductRules"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ConductKitTests", dependencies: ["ConductKit"], resources: [.copy("FuzzCrashers")]),
        .testTarget(name: "ConductEvaluationTests", dependencies: ["ConductEvaluation"]),
        .testTarget(name: "CLITests", dependencies: ["conduct"], resources: [.copy("Fixtures")]),
    ]
)
