/**
 * The serviceability context's only door: TMF645 checkServiceQualification answered by a
 * simulated network inventory with seeded coverage.
 */
export { registerServiceQualificationRoutes } from './serviceQualificationRoutes';
