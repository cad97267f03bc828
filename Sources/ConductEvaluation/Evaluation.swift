import ConductKit
