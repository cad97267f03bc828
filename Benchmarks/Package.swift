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
        // Workload, rule sets and expected answers shared by the benchmarks and Profile.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "ConductKit", package: conduct)]
        ),
        .executableTarget(
            name: "Normalize",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ConductKit", package: conduct),
            ],
            path: "Benchmarks/Normalize",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "Compile",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ConductKit", package: conduct),
            ],
            path: "Benchmarks/Compile",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "Classify",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ConductKit", package: conduct),
            ],
            path: "Benchmarks/Classify",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // A plain executable that runs one engine stage over the workload, for profilers
        // (valgrind --tool=callgrind, perf) and quick timings.
        .executableTarget(
            name: "Profile",
            dependencies: ["BenchmarkSupport", .product(name: "ConductKit", package: conduct)]
        ),
    ]
)
