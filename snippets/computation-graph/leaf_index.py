# en: An edge into AccumulateGrad carries 0, even when a leaf is used twice.
# zh: 连向 AccumulateGrad 的边，数字总是 0，同一个叶子用了两次也一样。
import torch

w = torch.tensor([3.0], requires_grad=True)
y = w * w
print(y.grad_fn.next_functions)
(left, _), (right, _) = y.grad_fn.next_functions
print("same node:", left is right)
y.backward()  # en: both edges deliver into the one slot: 3 + 3 # zh: 两条边的梯度都送进同一个 AccumulateGrad：3 + 3
print("w.grad:", w.grad)
