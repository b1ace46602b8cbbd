"""Puts agents/python on sys.path so the tests import the agents as their users do."""
import os
import sys

AGENTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if AGENTS not in sys.path:
    sys.path.insert(0, AGENTS)
