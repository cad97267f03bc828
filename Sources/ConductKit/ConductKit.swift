@_exported import ConductMatching
@_exported import ConductNormalization
@_exported import ConductRules
