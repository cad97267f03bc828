// swift-tools-version:6.1
import Foundation
import PackageDescription

// A path dependency's identity is the name of its folder, which differs between checkouts
// (a clone, a worktree, CI): derive it from where this manifest lives.
let conduct = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "conduct-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Normalize",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ConductKit", package: conduct),
            ],
            path: "Benchmarks/Normalize",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
