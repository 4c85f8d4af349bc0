/**
 * The bundled follow-up templates: the example goals of `examples/opfoelgning/` (Motorstyrelsen's
 * 2025 goals by quarter, a kommune's collection campaign by month), written into the workbook as
 * a goals table and a counts table (and last year's counts, when the template has them). Their
 * counts are invented and only written when asked for.
 */
import motorstyrelsen from '../../examples/opfoelgning/motorstyrelsen-2025.json';
import indsats from '../../examples/opfoelgning/ekstraordinaer-indsats.json';

export interface FollowupTemplate {
  id: string;
  label: string;
  year: number;
  goals: Array<Record<string, unknown>>;
  data: Record<string, Record<string, number | null>>;
  /** Last year's counts by the same periods ("Hvad skal der til" follows their seasonal profile). */
  lastYear?: Record<string, Record<string, number | null>>;
}

export const FOLLOWUP_TEMPLATES: readonly FollowupTemplate[] = [
  { id: 'motorstyrelsen', label: 'Motorstyrelsens mål (kvartaler)', ...motorstyrelsen },
  { id: 'indsats', label: 'Ekstraordinær indsats i en kommune (måneder)', ...indsats },
];
