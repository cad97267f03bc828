import Testing
@testable import ConductMatching

@Test func overlappingMatchesAreAllReported() {
    var builder = AutomatonBuilder()
    builder.add(Array("he".utf8))
    builder.add(Array("she".utf8))
    let found = builder.build().matches(in: Array("ushers".utf8))
    #expect(found == [Match(pattern: PatternID(0), span: Span(start: 2, end: 4)),
                      Match(pattern: PatternID(1), span: Span(start: 1, end: 4))])
}
