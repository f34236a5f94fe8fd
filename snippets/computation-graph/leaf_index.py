"""An edge into AccumulateGrad carries 0, even when a leaf is used twice."""
import torch

w = torch.tensor([3.0], requires_grad=True)
y = w * w
print(y.grad_fn.next_functions)
(left, _), (right, _) = y.grad_fn.next_functions
print("same node:", left is right)
y.backward()  # both edges deliver into the one slot: 3 + 3
print("w.grad:", w.grad)
