/**
 * The document photos' parts that only screens loaded on demand use (the camera and its
 * stylesheet): import them from there, never from code in the start bundle.
 */
export { DocumentPhotos } from './DocumentPhotos.tsx';
