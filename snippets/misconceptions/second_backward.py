import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x + 2).sum()  # neither node saves a tensor
z.backward()
z.backward()  # no retain_graph, no error: the gradient just adds up
print("x.grad:", x.grad)
z = (x * x).sum()  # the multiplication saves x twice
z.backward()
z.backward()
