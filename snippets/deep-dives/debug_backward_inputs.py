import torch

w = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(3.0, requires_grad=True)
h = w * w
loss = h * c
loss.backward(inputs=[h, c])
print("h.grad:", h.grad, " c.grad:", c.grad, " w.grad:", w.grad)
