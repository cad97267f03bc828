import ConductIO

/// One parser for the whole run, reused like a CLI worker's, so state left over from one line
/// that leaks into the next shows up.
nonisolated(unsafe) let parser = JSONLineParser()

/// libFuzzer entry: any bytes as one JSONL line and as a stream of lines; see
/// `JSONLineProperties`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    report(JSONLineProperties.fuzzProblems(input, reusing: parser), target: "jsonline")
    return 0
}
