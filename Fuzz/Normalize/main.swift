import ConductKit

/// libFuzzer entry: any bytes as a post; see `NormalizationProperties`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    report(NormalizationProperties.fuzzProblems(input), target: "normalize")
    return 0
}
