import { readText } from '../read-fields.ts';
import { sectionOf, type VillageSection } from '../household-layout.ts';
import type { HouseholdRow } from './household-row.ts';
import type { HouseholdSheet } from './sheet.ts';
import { villageOf } from './village-index.ts';

/**
 * The household's village and HH.VILLAGE_UNKNOWN: from the village column, else the address
 * ("Thôn 3, xã Xuân Hoà"), else the group row above ("Thôn 1", "Thôn 2" …). Keeps what it saw on
 * the rows before, so it is one per sheet.
 */
export class VillageCheck {
  // Lists are grouped by village: the village of the row before, as the plan spells it.
  private lastText: string | null = null;
  private lastPlanVillage: string | null = null;
  private readonly sectionsReported = new Set<VillageSection>();

  constructor(private readonly s: HouseholdSheet) {}

  check(h: HouseholdRow): void {
    const { cells, F, villages, memory, villageNames } = this.s;
    let village: string | null = null;
    let planVillage: string | null = null;
    if (F.village.col > 0) {
      village = readText(cells, F.village);
      if (village !== null) {
        if (village !== this.lastText) {
          this.lastText = village;
          this.lastPlanVillage = villageOf(villages, village, memory);
        }
        planVillage = this.lastPlanVillage;
        if (!planVillage) cells.issue('HH.VILLAGE_UNKNOWN', F.village, villageNames);
      }
    } else if (F.address.col > 0) {
      // "Thôn 3, xã Xuân Hoà": the part that is one of the plan's villages.
      const address = readText(cells, F.address);
      if (address === null) cells.required(F.address);
      else {
        village = address;
        planVillage = villageOf(villages, address, memory);
        if (!planVillage) cells.issue('HH.VILLAGE_UNKNOWN', F.address, villageNames);
      }
    } else if (this.s.layout.sections.length > 0) {
      const section = sectionOf(this.s.layout.sections, h.row);
      village = section?.label ?? null;
      planVillage = village === null ? null : (villages.get(memory.foldName(village)) ?? null);
      if (section && !planVillage && !this.sectionsReported.has(section)) {
        this.sectionsReported.add(section);
        this.s.report.add({ code: 'HH.VILLAGE_UNKNOWN', row: section.row, column: section.col, field: 'village', value: section.label, ...villageNames });
      }
    }
    h.village = village;
    h.planVillage = planVillage;
  }
}
