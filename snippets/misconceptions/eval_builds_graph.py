import torch

model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.Dropout(0.5))
model.eval()  # switches Dropout and BatchNorm to inference behaviour
out = model(torch.ones(1, 2))
print("training:", model.training, " grad_fn:", out.grad_fn.name())
with torch.no_grad():  # this is what stops the graph
    print("under no_grad:", model(torch.ones(1, 2)).grad_fn)
