import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';

const RATE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
const rate = (name: string) => ({ message: `${name} must be a decimal between 0 and 1, such as 0.02` });

/** The numbers of shared/domain.md §2 for one year, as the platform admin edits them. */
export class YearRulesDto {
  @ApiProperty({ example: '0.02', description: '§13: yearly intern intake as a share of staff' })
  @Matches(RATE, rate('internIntakeRate'))
  internIntakeRate: string;

  @ApiProperty({ example: '0.10' })
  @Matches(RATE, rate('enterpriseInternCapRate'))
  enterpriseInternCapRate: string;

  @ApiProperty({ example: '0.20' })
  @Matches(RATE, rate('postInternCapRate'))
  postInternCapRate: string;

  @ApiProperty({ example: 16 })
  @IsInt()
  @Min(14)
  @Max(25)
  minimumInternAge: number;

  @ApiProperty({ example: '0.80' })
  @Matches(RATE, rate('stipendFloorRate'))
  stipendFloorRate: string;

  @ApiProperty({ example: 8 })
  @IsInt()
  @Min(1)
  @Max(12)
  maxDailyHours: number;

  @ApiProperty({ example: 6 })
  @IsInt()
  @Min(1)
  @Max(24)
  postInternshipMonths: number;

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(1)
  @Max(366)
  practiceBookingDays: number;

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(0)
  @Max(366)
  practiceDaysRequired: number;

  @ApiProperty({ example: '0.60' })
  @Matches(RATE, rate('dualQualifiedTarget'))
  dualQualifiedTarget: string;
}
