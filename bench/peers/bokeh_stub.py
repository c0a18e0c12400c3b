"""backtesting.py imports bokeh at import time for plotting, which the benchmark never does.
When bokeh is missing, register empty modules under its names so the import succeeds."""
import importlib.util
import sys
import types


class _Anything(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Anything(f"{self.__name__}.{name}")

    def __call__(self, *args, **kwargs):
        return self


class _Finder:
    def find_spec(self, name, path=None, target=None):
        if name == "bokeh" or name.startswith("bokeh."):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        module = _Anything(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


def install():
    """Returns True when the stub was needed."""
    if importlib.util.find_spec("bokeh") is not None:
        return False
    sys.meta_path.insert(0, _Finder())
    return True
