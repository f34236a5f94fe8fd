import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
x = torch.tensor([3.0, 4.0])

loss = (w * x).sum()
loss.backward(retain_graph=True)  # en: keep the graph for a second pass # zh: 留着计算图，还要再做一次反向传播
print("first backward: ", w.grad)
loss.backward()
print("second backward:", w.grad)
