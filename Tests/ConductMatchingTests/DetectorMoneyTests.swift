import Testing
@testable import ConductMatching

@Suite struct DetectorMoneyTests {
    @Test(arguments: [
        "⟦€15⟧", "⟦€ 15⟧", "⟦€ 15,-⟧", "⟦$20⟧", "⟦£9.99⟧", "⟦¥500⟧", "⟦15 euro⟧", "⟦15 euros⟧", "⟦20 dollars⟧",
        "⟦eur 15⟧", "⟦usd 20⟧", "⟦15 eur⟧", "⟦15€⟧", "⟦15 €⟧ per stuk", "⟦20$⟧", "us⟦$20⟧", "⟦eur15⟧",
        "⟦15,-⟧", "⟦1.299,-⟧", "⟦12,--⟧", "⟦€1.234,56⟧", "⟦$1,234,567.00⟧", "⟦€10k⟧", "⟦$1.5m⟧", "⟦€1,2 mln⟧",
        "⟦€ 2 miljoen⟧", "⟦$3 million⟧", "⟦10k euro⟧", "⟦1,2 miljoen euro⟧", "⟦15,- euro⟧", "⟦12,50 euro⟧",
        "⟦15 euro⟧, ⟦20 dollars⟧", "⟦eur 15⟧ ⟦usd 20⟧", "⟦€15⟧ ⟦€ 20⟧", "voor maar ⟦€ 9,95⟧!", "(⟦$5⟧)",
        "⟦15 bucks⟧", "⟦gbp 10⟧", "⟦$1b⟧", "⟦£3bn⟧", "⟦$160 billions⟧",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.money, example)
    }

    @Test(arguments: [
        "15", "10k", "10k steps", "20 pounds", "15 europe", "1.5m", "2 mln", "eurovision 2024", "seur15",
        "euro", "€", "€ ", "$", "15 eurocent", "nl91 abna 0417 1643 00", "3 mio mensen",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.money, example)
    }

    @Test func moneyAndItsNumberAreBothReported() {
        let found = Detectors(kinds: [.money, .number]).detections(in: Array("€ 15,-".utf8))
        #expect(found.map(\.description) == ["money@0..<8", "number@4..<6"])
    }
}
