from .worker import run

run()
