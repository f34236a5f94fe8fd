import threading

import torch

x = torch.ones(2, requires_grad=True)
seen = {}


def worker():
    seen["grad enabled"] = torch.is_grad_enabled()
    seen["x * 2 requires_grad"] = (x * 2).requires_grad


with torch.no_grad():
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    print("main thread, grad enabled:", torch.is_grad_enabled())
print("new thread:", seen)
