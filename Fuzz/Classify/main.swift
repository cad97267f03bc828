import ConductKit
#if canImport(Glibc)
import Glibc
#endif

/// Compiled once per fuzz process, like a service that classifies many posts.
let ruleSets: [CompiledRules] = {
    do {
        return try ClassifyProperties.fuzzRuleSets(repository: repositoryRoot)
    } catch {
        var message = Array("classify: the rules do not load:\n\(error)\n".utf8)
        _ = write(2, &message, message.count)
        exit(2)
    }
}()

/// libFuzzer start-up: compiles the rules before the first input, so rules that do not load
/// stop the run without blaming an input.
@_cdecl("LLVMFuzzerInitialize")
public func initializeClassify(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    _ = ruleSets
    return 0
}

/// libFuzzer entry: any bytes as a post; see `ClassifyProperties`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClassify(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    report(ClassifyProperties.fuzzProblems(input, ruleSets: ruleSets), target: "classify")
    return 0
}
