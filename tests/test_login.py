"""Sign-in (ui/auth.gate): the dashboard is open without an [auth] section, shows only a
sign-in screen to a visitor when there is one, and fails closed when the secrets exist
but cannot be read or the [auth] section is incomplete."""
import pytest
from conftest import ROOT

from ui import auth

VALID_AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-long-random-cookie-secret-for-tests-only",
    "client_id": "hindsight",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "https://accounts.example.com/.well-known/openid-configuration",
}


@pytest.fixture
def places(tmp_path, monkeypatch):
    """An empty home and working directory, the two places Streamlit reads secrets
    files from; the parsed secrets are forgotten before and after the test."""
    from streamlit.runtime.secrets import Secrets, secrets_singleton

    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(cwd)
    # no file-watcher threads on these temporary files
    monkeypatch.setattr(Secrets, "_maybe_install_file_watchers", lambda self: None)
    secrets_singleton._reset()
    yield cwd, home
    secrets_singleton._reset()


def secrets_file(folder, text: str | bytes):
    path = folder / ".streamlit" / "secrets.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def toml(auth: dict) -> str:
    return "[auth]\n" + "".join(f'{k} = "{v}"\n' for k, v in auth.items())


def run_app(secrets=None, user=None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if secrets is not None:
        at.secrets.update(secrets)
    if user is not None:
        at.user = user
    return at.run()


def shows_data(at) -> bool:
    return bool(at.metric or at.dataframe or at.get("plotly_chart"))


def sign_in_buttons(at):
    return [b for b in at.button if b.label.startswith("Sign in")]


@pytest.mark.parametrize("secrets", [None, {"other": {"token": "x"}}], ids=["no-secrets", "no-auth"])
def test_without_auth_the_data_is_shown(demo, places, secrets):
    at = run_app(secrets)
    assert not at.exception, at.exception
    assert not at.error
    assert at.metric and at.dataframe and at.get("plotly_chart")
    assert not sign_in_buttons(at)


def test_with_auth_a_visitor_sees_only_the_sign_in_screen(demo, places):
    at = run_app({"auth": VALID_AUTH}, user={})  # a browser without the login cookie
    assert not at.exception, at.exception
    assert not shows_data(at)
    assert not at.sidebar.date_input and not at.sidebar.multiselect
    assert [b.label for b in sign_in_buttons(at)] == ["Sign in"]
    assert at.title[0].value == "Hindsight"
    assert "sign in" in at.markdown[0].value


def test_with_auth_in_a_secrets_file_a_visitor_sees_only_the_sign_in_screen(demo, places):
    cwd, _ = places
    secrets_file(cwd, toml(VALID_AUTH))
    at = run_app(user={})
    assert not at.exception, at.exception
    assert not shows_data(at)
    assert [b.label for b in sign_in_buttons(at)] == ["Sign in"]


def test_a_signed_in_user_sees_the_data(demo, places):
    at = run_app({"auth": VALID_AUTH}, user={"is_logged_in": True, "email": "ann@example.com"})
    assert not at.exception, at.exception
    assert at.metric and at.dataframe and at.get("plotly_chart")
    assert not sign_in_buttons(at)


BROKEN = {
    "unclosed string": toml(VALID_AUTH).replace('cookie_secret = "a-long', 'cookie_secret = a-long'),
    "not utf-8": b'[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\nowner = "\xe9"\n',
}


@pytest.mark.parametrize("where", ["project", "home"])
@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_secrets_file_stops_every_page_with_an_error(demo, places, where, text):
    from streamlit import config

    cwd, home = places
    path = secrets_file(cwd if where == "project" else home, text)
    assert str(path) in config.get_option("secrets.files")  # Streamlit reads it from here
    at = run_app()
    assert not at.exception, at.exception
    assert not shows_data(at)
    assert not sign_in_buttons(at)
    assert len(at.error) == 1
    message = at.error[0].value
    assert str(path) in message
    assert "cannot be read" in message and "reload" in message


def test_a_broken_secrets_file_names_the_line(demo, places):
    cwd, _ = places
    secrets_file(cwd, BROKEN["unclosed string"])
    message = run_app().error[0].value
    assert "not valid TOML" in message and "line 3" in message


def test_an_incomplete_auth_section_stops_with_what_is_missing(demo, places):
    cwd, _ = places
    secrets_file(cwd, toml({"redirect_uri": VALID_AUTH["redirect_uri"], "client_id": "hindsight"}))
    at = run_app(user={})
    assert not at.exception, at.exception
    assert not shows_data(at)
    assert not sign_in_buttons(at)
    message = at.error[0].value
    for key in ("cookie_secret", "client_secret", "server_metadata_url"):
        assert key in message
    assert str(cwd / ".streamlit" / "secrets.toml") in message


def test_named_providers_are_checked_like_st_login():
    shared = {k: VALID_AUTH[k] for k in ("redirect_uri", "cookie_secret")}
    provider = {k: VALID_AUTH[k] for k in ("client_id", "client_secret", "server_metadata_url")}
    assert auth.check_auth({**shared, "google": provider}) == (["google"], [])
    assert auth.check_auth(VALID_AUTH) == ([None], [])
    _, problems = auth.check_auth({**shared, "my_idp": provider})
    assert "underscore" in problems[0]
    _, problems = auth.check_auth({**shared, "okta": {"client_id": "x"}})
    assert problems == ["`[auth.okta]` lacks `client_secret`, `server_metadata_url`."]
    _, problems = auth.check_auth(shared)
    assert "No identity provider" in problems[0]
    _, problems = auth.check_auth({})
    assert "`redirect_uri`, `cookie_secret`" in problems[0]
    _, problems = auth.check_auth({**VALID_AUTH, "redirect_uri": "http://localhost:8501/"})
    assert "oauth2callback" in problems[0]
    assert auth.check_auth("on")[1]
