import torch


def check(batch):
    if batch.numel() == 0:
        raise ValueError("empty batch")


def with_no_grad(batch):
    with torch.no_grad():
        check(batch)
        return batch * 2


def with_inference_mode(batch):
    with torch.inference_mode():
        check(batch)
        return batch * 2


def with_set_grad_enabled(batch):
    with torch.set_grad_enabled(False):
        check(batch)
        return batch * 2


def with_switch_calls(batch):
    torch.set_grad_enabled(False)
    check(batch)  # en: raises before the switch back # zh: 还没切回去就抛出了异常
    out = batch * 2
    torch.set_grad_enabled(True)
    return out


for predict in (with_no_grad, with_inference_mode, with_set_grad_enabled,
                with_switch_calls):
    try:
        predict(torch.empty(0))
    except ValueError:
        pass
    print(f"{predict.__name__:21} grad: {torch.is_grad_enabled()!s:5} "
          f"inference: {torch.is_inference_mode_enabled()}")
