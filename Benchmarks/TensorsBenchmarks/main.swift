import Tensors
print(TensorShape([1]))
