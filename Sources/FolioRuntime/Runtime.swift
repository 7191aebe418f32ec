// Runtime linked into every notebook program.
import Tensors
