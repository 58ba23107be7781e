// antd's styles for the components the first download does not render (antd-static-style.ts): imported by
// the signed-in frame and by the pages before sign-in that are fetched later, so the stylesheet arrives
// beside whichever of them comes first.
import 'virtual:antd-style/rest.css';
