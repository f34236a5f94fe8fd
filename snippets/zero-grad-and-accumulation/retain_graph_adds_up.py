import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
x = torch.tensor([3.0, 4.0])

loss = (w * x).sum()
loss.backward(retain_graph=True)  # keep the graph for a second pass
print("first backward: ", w.grad)
loss.backward()
print("second backward:", w.grad)
