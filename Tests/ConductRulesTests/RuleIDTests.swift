import Testing
import ConductRules

@Test func ruleIDCategoryIsThePrefix() {
    #expect(RuleID("selling.discount_code").category == "selling")
}
