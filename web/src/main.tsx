import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { KeyBox } from './components/KeyBox';
import { initialLang, type Lang, LangContext, TEXT_ATTRIBUTION, useT } from './i18n';
import './styles.css';
import { ProgrammeView } from './views/ProgrammeView';
import { SearchView } from './views/SearchView';
import { WorkspaceView } from './views/WorkspaceView';

type Route = 'map' | 'workspace' | 'search';

function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split('?')[0];
  return name === 'workspace' || name === 'search' ? name : 'map';
}

function Shell({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const t = useT();
  const [route, setRoute] = useState<Route>(routeOf(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t(route === 'map' ? 'navMap' : route === 'workspace' ? 'navWorkspace' : 'navSearch')} · ${t('appTitle')}`;
  }, [lang, route]);
  const link = (to: Route, label: string) => (
    <a href={`#/${to}`} aria-current={route === to ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <a class="skip" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
        {t('skip')}
      </a>
      <header class="top">
        <p class="brand">{t('appTitle')}</p>
        <nav aria-label={t('appTitle')}>
          {link('map', t('navMap'))}
          {link('workspace', t('navWorkspace'))}
          {link('search', t('navSearch'))}
        </nav>
        <label class="lang">
          {t('language')}{' '}
          <select id="language" value={lang} onChange={(event) => setLang(event.currentTarget.value as Lang)}>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <KeyBox />
      <main id="main" tabIndex={-1}>
        {route === 'map' && <ProgrammeView />}
        {route === 'workspace' && <WorkspaceView />}
        {route === 'search' && <SearchView />}
      </main>
      <footer>
        <p>{TEXT_ATTRIBUTION[lang]}</p>
      </footer>
    </>
  );
}

function App() {
  const [lang, setLangState] = useState<Lang>(initialLang());
  const setLang = (next: Lang) => {
    localStorage.setItem('registry.lang', next);
    setLangState(next);
  };
  return (
    <LangContext.Provider value={lang}>
      <Shell lang={lang} setLang={setLang} />
    </LangContext.Provider>
  );
}

render(<App />, document.getElementById('root')!);
