import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
# en: A hook sees the gradient that flows through y during backward().
# zh: 反向传播时，钩子能看到流经 y 的梯度。
y.register_hook(lambda g: print("flowing through y:", g))
loss = (y ** 2).sum()
loss.backward()

print("x.grad:", x.grad)
print("y.retains_grad:", y.retains_grad)
# en: What stores into x.grad: an AccumulateGrad node holding the leaf x.
# zh: 往 x.grad 里存梯度的，是一个持有叶子 x 的 AccumulateGrad 节点。
print(y.grad_fn.next_functions)
print(y.grad_fn.next_functions[0][0].variable is x)
