import ConductKit

/// libFuzzer entry: any bytes as rule files; see `RuleLoadingProperties`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleLoading(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    report(RuleLoadingProperties.problems(input), target: "rules")
    return 0
}
