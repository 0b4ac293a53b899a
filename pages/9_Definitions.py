"""How every figure is defined: docs/METRICS.md, one click from any page."""
import streamlit as st

from ui import setup

setup.open_page(__file__)
st.markdown(setup.definitions())
